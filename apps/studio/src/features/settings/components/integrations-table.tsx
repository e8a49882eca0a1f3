import type { IntegrationView } from '@postino/api-contract';
import { Chip } from '../../../components/chip';
import { CopyField } from '../../../components/copy-field';
import { RelativeTime } from '../../../components/relative-time';
import { deliveryResultLabels, deliveryResultTones, platformLabels } from '../utils/integration-display';

interface IntegrationsTableProps {
  integrations: IntegrationView[];
  /** Only owners rotate secrets and disconnect shops. */
  canManage: boolean;
  onRotate: (integration: IntegrationView) => void;
  onDelete: (integration: IntegrationView) => void;
}

function LastDelivery({ delivery }: { delivery: IntegrationView['lastDelivery'] }) {
  if (!delivery) return <span className="muted">Nothing received yet</span>;
  return (
    <div className="last-delivery">
      <div className="last-delivery__head">
        <Chip tone={deliveryResultTones[delivery.result]}>{deliveryResultLabels[delivery.result]}</Chip>
        <code>{delivery.topic ?? 'no topic'}</code>
        <span className="muted small">
          HTTP {delivery.status} · <RelativeTime value={delivery.at} />
        </span>
      </div>
      {delivery.detail && <p className="small last-delivery__detail">{delivery.detail}</p>}
    </div>
  );
}

export function IntegrationsTable({ integrations, canManage, onRotate, onDelete }: IntegrationsTableProps) {
  if (integrations.length === 0) {
    return <p className="muted">No shop connected yet. Connect one to receive its orders, shipments, products and customers.</p>;
  }
  return (
    <ul className="integration-list" aria-label="Shop integrations">
      {integrations.map((integration) => (
        <li key={integration.id} className="integration" aria-label={integration.name}>
          <div className="integration__head">
            <h3>{integration.name}</h3>
            <Chip tone="slate">{platformLabels[integration.platform]}</Chip>
            {integration.currency && <span className="muted small">{integration.currency}</span>}
            {canManage && (
              <div className="integration__actions">
                <button type="button" className="button button--small" onClick={() => onRotate(integration)}>
                  Rotate secret
                </button>
                <button type="button" className="button button--small button--danger-outline" onClick={() => onDelete(integration)}>
                  Disconnect
                </button>
              </div>
            )}
          </div>
          <CopyField label="Hook URL" value={integration.hookUrl} visibleLabel />
          <dl className="facts facts--compact">
            <div className="facts__row">
              <dt>Last delivery</dt>
              <dd>
                <LastDelivery delivery={integration.lastDelivery} />
              </dd>
            </div>
            <div className="facts__row">
              <dt>Deliveries</dt>
              <dd>
                {integration.counts.received} received · {integration.counts.ignored} ignored ·{' '}
                <span className={integration.counts.failed > 0 ? 'integration__failed' : undefined}>
                  {integration.counts.failed} refused
                </span>
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
