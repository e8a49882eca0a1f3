import type { CustomerDetail } from '@postino/api-contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { errorMessage } from '../../../lib/api-error';
import { useEraseCustomer } from '../api/erase-customer';
import { useExportCustomer } from '../api/export-customer';
import { customerName } from '../utils/customer-name';
import { erasureScope } from '../utils/erasure-scope';

/** Export (JSON download) and erasure of the customer's personal data; both are recorded in the privacy audit. */
export function PrivacyActions({ customer }: { customer: CustomerDetail }) {
  const exportData = useExportCustomer(customer.id);
  const erase = useEraseCustomer(customer.id);
  const [confirming, setConfirming] = useState(false);
  const name = customerName(customer);

  return (
    <div className="privacy-actions">
      <button
        type="button"
        className="button"
        onClick={() => exportData.mutate()}
        disabled={exportData.isPending}
        aria-busy={exportData.isPending}
      >
        {exportData.isPending ? 'Exporting…' : 'Export data'}
      </button>
      {!customer.erasedAt && (
        <button
          type="button"
          className="button button--danger-outline"
          onClick={() => {
            erase.reset();
            setConfirming(true);
          }}
        >
          Erase…
        </button>
      )}
      {exportData.error ? (
        <p className="field__error" role="alert">
          Export failed: {errorMessage(exportData.error)}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={`Erase ${name}?`}
        confirmLabel="Erase personal data"
        pending={erase.isPending}
        error={erase.error}
        onCancel={() => setConfirming(false)}
        onConfirm={() => erase.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      >
        <p>
          The name, e-mail, phone and addresses of <strong>{name}</strong>
          {customer.email && customer.email !== name && <> ({customer.email})</>} are removed from {erasureScope(customer)}, captured e-mails included. Nothing is
          sent to them again.
        </p>
        <p>Counts and totals stay. This cannot be undone; export the data first if the customer asked for a copy.</p>
      </ConfirmDialog>
    </div>
  );
}
