import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingIndicator } from '../../../components/loading-indicator';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../api/api-keys-api';
import type { ApiKey, CreatedApiKey } from '../types';
import { ApiKeyTable } from './api-key-table';
import { CreateApiKeyForm } from './create-api-key-form';
import { NewApiKeyNotice } from './new-api-key-notice';

export function ApiKeysSection() {
  const apiKeys = useApiKeys();
  const createApiKey = useCreateApiKey();
  const revokeApiKey = useRevokeApiKey();
  const [created, setCreated] = useState<CreatedApiKey>();

  async function handleCreate(name: string) {
    setCreated(await createApiKey.mutateAsync(name));
  }

  async function handleRevoke(apiKey: ApiKey) {
    await revokeApiKey.mutateAsync(apiKey.id);
  }

  return (
    <section className="card" aria-labelledby="api-keys-heading">
      <h2 id="api-keys-heading">API keys</h2>
      <p className="muted">Your shop, scripts and integrations use API keys to send shipments to Postino.</p>
      <CreateApiKeyForm onCreate={handleCreate} />
      {created && <NewApiKeyNotice key={created.id} apiKey={created} onDismiss={() => setCreated(undefined)} />}
      {apiKeys.error ? (
        <ErrorAlert error={apiKeys.error} onRetry={() => void apiKeys.refetch()} />
      ) : apiKeys.data ? (
        <ApiKeyTable apiKeys={apiKeys.data} onRevoke={handleRevoke} />
      ) : (
        <LoadingIndicator label="Loading API keys…" />
      )}
    </section>
  );
}
