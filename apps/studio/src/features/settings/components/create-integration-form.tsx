import { zodResolver } from '@hookform/resolvers/zod';
import { SHOP_PLATFORMS, type CreateIntegrationRequest } from '@postino/api-contract';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../../../lib/api-error';
import { useCreateIntegration, type IntegrationWithSecret } from '../api/create-integration';
import { platformLabels, platformSetup } from '../utils/integration-display';
import { integrationFormSchema, type IntegrationFormInput } from '../utils/integration-form';

export function CreateIntegrationForm({ onCreated }: { onCreated: (integration: IntegrationWithSecret) => void }) {
  const id = useId();
  const create = useCreateIntegration();
  const { register, handleSubmit, watch, reset, formState } = useForm<IntegrationFormInput, unknown, CreateIntegrationRequest>({
    resolver: zodResolver(integrationFormSchema),
    defaultValues: { platform: 'shopify', name: '', secret: '', currency: '' },
  });
  const platform = watch('platform');
  const { errors } = formState;

  return (
    <form
      className="integration-form"
      aria-label="Connect a shop"
      noValidate
      onSubmit={handleSubmit((request) =>
        create.mutate(request, {
          onSuccess: (integration) => {
            reset();
            onCreated(integration);
          },
        }),
      )}
    >
      <div className="field">
        <label htmlFor={`${id}-platform`}>Platform</label>
        <select id={`${id}-platform`} {...register('platform')}>
          {SHOP_PLATFORMS.map((value) => (
            <option key={value} value={value}>
              {platformLabels[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          placeholder="e.g. Main store"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? `${id}-name-error` : undefined}
          {...register('name')}
        />
        {errors.name && (
          <p id={`${id}-name-error`} className="field__error" role="alert">
            Name {errors.name.message}.
          </p>
        )}
      </div>
      <div className="field integration-form__secret">
        <label htmlFor={`${id}-secret`}>Signing secret{platform === 'woocommerce' ? ' (optional)' : ''}</label>
        <input
          id={`${id}-secret`}
          className="mono"
          autoComplete="off"
          aria-invalid={errors.secret ? true : undefined}
          aria-describedby={`${id}-secret-note`}
          {...register('secret')}
        />
        {errors.secret ? (
          <p id={`${id}-secret-note`} className="field__error" role="alert">
            Secret {errors.secret.message}.
          </p>
        ) : (
          <p id={`${id}-secret-note`} className="field__hint">
            {platformSetup[platform].secretHint}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-currency`}>Shop currency</label>
        <input
          id={`${id}-currency`}
          className="integration-form__currency"
          placeholder="EUR"
          maxLength={3}
          aria-invalid={errors.currency ? true : undefined}
          aria-describedby={`${id}-currency-note`}
          {...register('currency')}
        />
        {errors.currency ? (
          <p id={`${id}-currency-note`} className="field__error" role="alert">
            Currency {errors.currency.message}.
          </p>
        ) : (
          <p id={`${id}-currency-note`} className="field__hint">
            Product webhooks carry prices without one.
          </p>
        )}
      </div>
      {create.error ? (
        <p className="field__error integration-form__error" role="alert">
          {errorMessage(create.error)}
        </p>
      ) : null}
      <div className="integration-form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending} aria-busy={create.isPending}>
          Connect shop
        </button>
      </div>
    </form>
  );
}
