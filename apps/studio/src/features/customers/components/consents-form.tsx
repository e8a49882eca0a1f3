import { zodResolver } from '@hookform/resolvers/zod';
import { CONSENT_PURPOSES, type ConsentPurpose } from '@postino/api-contract';
import { useEffect, useId } from 'react';
import { useForm, type UseFormRegister } from 'react-hook-form';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format-time';
import { useUpdateConsents } from '../api/update-consents';
import type { Consent, Consents } from '../types';
import { consentPurposeHints, consentPurposeLabels, consentSourceLabel } from '../utils/consent-display';
import {
  consentsFormDefaults,
  consentsFormSchema,
  toConsentsRequest,
  type ConsentsFormInput,
} from '../utils/consents-form';
import { ConsentChip } from './consent-chip';

interface PurposeFieldsetProps {
  purpose: ConsentPurpose;
  consent: Consent;
  register: UseFormRegister<ConsentsFormInput>;
}

function PurposeFieldset({ purpose, consent, register }: PurposeFieldsetProps) {
  const id = useId();
  return (
    <fieldset className="consent" aria-describedby={`${id}-hint`}>
      <legend className="consent__legend">
        {consentPurposeLabels[purpose]} <ConsentChip consent={consent} />
      </legend>
      <p id={`${id}-hint`} className="field__hint">
        {consentPurposeHints[purpose]}
        {consent.at && (
          <>
            {' '}
            Recorded by {consentSourceLabel(consent.source).toLowerCase()} on{' '}
            <time dateTime={consent.at}>{formatDateTime(consent.at)}</time>.
          </>
        )}
      </p>
      <div className="consent__choices">
        <label className="choice">
          <input type="radio" value="granted" {...register(purpose)} /> Granted
        </label>
        <label className="choice">
          <input type="radio" value="denied" {...register(purpose)} /> Withdrawn
        </label>
      </div>
    </fieldset>
  );
}

/** Grants or withdraws either consent on the customer's behalf, with the source of the decision. */
export function ConsentsForm({ customerId, consents }: { customerId: string; consents: Consents }) {
  const id = useId();
  const update = useUpdateConsents(customerId);
  const { register, handleSubmit, reset, watch, formState } = useForm({
    resolver: zodResolver(consentsFormSchema),
    defaultValues: consentsFormDefaults(consents),
  });

  // Show the stored states again once the saved answer (or someone else's change) arrives.
  useEffect(() => reset(consentsFormDefaults(consents)), [consents, reset]);

  const [transactional, marketing] = watch(['transactional', 'marketing']);
  const changed = transactional !== consents.transactional.state || marketing !== consents.marketing.state;
  const sourceError = formState.errors.source?.message;

  return (
    <form
      className="form"
      aria-label="Change consents"
      noValidate
      onSubmit={handleSubmit((values) => {
        const request = toConsentsRequest(consents, values);
        if (request) update.mutate(request);
      })}
    >
      {CONSENT_PURPOSES.map((purpose) => (
        <PurposeFieldset key={purpose} purpose={purpose} consent={consents[purpose]} register={register} />
      ))}
      <div className="field">
        <label htmlFor={`${id}-source`}>Source</label>
        <input
          id={`${id}-source`}
          className="mono"
          aria-invalid={sourceError ? true : undefined}
          aria-describedby={`${id}-source-note`}
          {...register('source')}
        />
        {sourceError ? (
          <p id={`${id}-source-note`} className="field__error" role="alert">
            Source {sourceError}.
          </p>
        ) : (
          <p id={`${id}-source-note`} className="field__hint">
            Who recorded the decision, kept in the consent history: customer_service, phone, email…
          </p>
        )}
      </div>
      {update.error && (
        <p className="field__error" role="alert">
          {errorMessage(update.error)}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={!changed || update.isPending} aria-busy={update.isPending}>
          Save consents
        </button>
        <span className="small muted" role="status">
          {update.isSuccess && !changed ? 'Consents saved.' : ''}
        </span>
      </div>
    </form>
  );
}
