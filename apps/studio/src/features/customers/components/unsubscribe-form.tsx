import { zodResolver } from '@hookform/resolvers/zod';
import { unsubscribeRequestSchema } from '@postino/api-contract';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../../../lib/api-error';
import { useUnsubscribeCustomer } from '../api/unsubscribe-customer';

/** Records an unsubscribe the customer asked for, e.g. by replying to an e-mail; honoured at once. */
export function UnsubscribeForm({ customerId }: { customerId: string }) {
  const unsubscribe = useUnsubscribeCustomer(customerId);
  const { register, handleSubmit } = useForm({
    resolver: zodResolver(unsubscribeRequestSchema),
    defaultValues: { scope: 'marketing' as const },
  });

  return (
    <form
      className="form"
      aria-label="Record an unsubscribe"
      noValidate
      onSubmit={handleSubmit((values) => unsubscribe.mutate(values))}
    >
      <fieldset className="consent">
        <legend className="consent__legend">Unsubscribe</legend>
        <div className="consent__choices">
          <label className="choice">
            <input type="radio" value="marketing" {...register('scope')} /> From marketing
          </label>
          <label className="choice">
            <input type="radio" value="all" {...register('scope')} /> From everything, shipment updates too
          </label>
        </div>
      </fieldset>
      {unsubscribe.error && (
        <p className="field__error" role="alert">
          {errorMessage(unsubscribe.error)}
        </p>
      )}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--danger-outline"
          disabled={unsubscribe.isPending}
          aria-busy={unsubscribe.isPending}
        >
          Record unsubscribe
        </button>
        <span className="small muted" role="status">
          {unsubscribe.isSuccess ? 'Unsubscribe recorded.' : ''}
        </span>
      </div>
    </form>
  );
}
