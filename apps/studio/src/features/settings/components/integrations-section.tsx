import type { IntegrationView } from '@postino/api-contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingIndicator } from '../../../components/loading-indicator';
import type { IntegrationWithSecret } from '../api/create-integration';
import { useDeleteIntegration } from '../api/delete-integration';
import { useIntegrations } from '../api/get-integrations';
import { CreateIntegrationForm } from './create-integration-form';
import { IntegrationSecretNotice } from './integration-secret-notice';
import { IntegrationsTable } from './integrations-table';
import { RotateSecretDialog } from './rotate-secret-dialog';
import '../settings.css';

/** Shopify and WooCommerce shops sending their data as signed webhooks. */
export function IntegrationsSection({ canManage }: { canManage: boolean }) {
  const integrations = useIntegrations();
  const remove = useDeleteIntegration();
  const [shown, setShown] = useState<{ integration: IntegrationWithSecret; rotated: boolean }>();
  const [rotating, setRotating] = useState<IntegrationView | null>(null);
  const [deleting, setDeleting] = useState<IntegrationView | null>(null);

  return (
    <section className="card" aria-labelledby="integrations-heading">
      <h2 id="integrations-heading">Integrations</h2>
      <p className="muted">
        Connect a Shopify or WooCommerce shop: its orders, fulfillments, products and customers reach Postino as signed
        webhooks at the shop’s hook URL.
      </p>
      {canManage ? (
        <CreateIntegrationForm onCreated={(integration) => setShown({ integration, rotated: false })} />
      ) : (
        <p className="small muted">Only the shop’s owners connect shops and rotate their secrets.</p>
      )}
      {shown && (
        <IntegrationSecretNotice
          key={`${shown.integration.id}-${shown.integration.secretRotatedAt ?? 'new'}`}
          integration={shown.integration}
          rotated={shown.rotated}
          onDismiss={() => setShown(undefined)}
        />
      )}
      {integrations.isPending ? (
        <LoadingIndicator label="Loading integrations…" />
      ) : integrations.isError ? (
        <ErrorAlert error={integrations.error} onRetry={() => void integrations.refetch()} />
      ) : (
        <IntegrationsTable
          integrations={integrations.data.items}
          canManage={canManage}
          onRotate={setRotating}
          onDelete={(integration) => {
            remove.reset();
            setDeleting(integration);
          }}
        />
      )}
      <RotateSecretDialog
        integration={rotating}
        onClose={() => setRotating(null)}
        onRotated={(integration) => setShown({ integration, rotated: true })}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={`Disconnect “${deleting?.name ?? ''}”?`}
        confirmLabel="Disconnect"
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => setDeleting(null)}
        onConfirm={() => remove.mutate(deleting!.id, { onSuccess: () => setDeleting(null) })}
      >
        <p>
          Its hook URL stops answering: the shop’s webhooks are refused from now on. The orders, customers, products and
          shipments it brought stay.
        </p>
      </ConfirmDialog>
    </section>
  );
}
