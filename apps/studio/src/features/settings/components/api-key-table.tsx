import { useState } from 'react';
import { Chip } from '../../../components/chip';
import { RelativeTime } from '../../../components/relative-time';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format-time';
import type { ApiKey } from '../types';

interface ApiKeyTableProps {
  apiKeys: ApiKey[];
  onRevoke: (apiKey: ApiKey) => Promise<void>;
}

function RevokeControl({ apiKey, onRevoke }: { apiKey: ApiKey; onRevoke: ApiKeyTableProps['onRevoke'] }) {
  const [confirming, setConfirming] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [error, setError] = useState<string>();

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--small button--danger-outline"
        aria-label={`Revoke ${apiKey.name}`}
        onClick={() => setConfirming(true)}
      >
        Revoke
      </button>
    );
  }

  async function revoke() {
    setRevoking(true);
    setError(undefined);
    try {
      await onRevoke(apiKey);
    } catch (failure) {
      setError(errorMessage(failure));
      setRevoking(false);
    }
  }

  return (
    <div className="confirm" role="group" aria-label={`Confirm revoking ${apiKey.name}`}>
      <p className="small">Revoke this key? Anything using it will stop working at once.</p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="confirm__actions">
        <button
          type="button"
          className="button button--small button--danger"
          onClick={revoke}
          disabled={revoking}
          aria-busy={revoking}
        >
          Confirm revoke
        </button>
        <button type="button" className="button button--small" onClick={() => setConfirming(false)} disabled={revoking}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export function ApiKeyTable({ apiKeys, onRevoke }: ApiKeyTableProps) {
  if (apiKeys.length === 0) return <p className="muted">No API keys yet. Create one to connect your shop.</p>;

  return (
    <div className="table-wrapper">
      <table className="table">
        <caption className="visually-hidden">API keys</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {apiKeys.map((apiKey) => (
            <tr key={apiKey.id}>
              <td>{apiKey.name}</td>
              <td>
                <code>{apiKey.prefix}…</code>
              </td>
              <td>
                <time dateTime={apiKey.createdAt}>{formatDateTime(apiKey.createdAt)}</time>
              </td>
              <td>{apiKey.lastUsedAt ? <RelativeTime value={apiKey.lastUsedAt} /> : <span className="muted">Never</span>}</td>
              <td>
                {apiKey.revokedAt ? (
                  <span title={`Revoked ${formatDateTime(apiKey.revokedAt)}`}>
                    <Chip tone="gray">Revoked</Chip>
                  </span>
                ) : (
                  <Chip tone="green">Active</Chip>
                )}
              </td>
              <td className="table__actions">{!apiKey.revokedAt && <RevokeControl apiKey={apiKey} onRevoke={onRevoke} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
