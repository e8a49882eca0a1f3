import type { IntegrationView } from '@postino/api-contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const INTEGRATIONS_PATH = '/api/v1/settings/integrations';

export function getIntegrations(signal?: AbortSignal): Promise<{ items: IntegrationView[] }> {
  return api.get<{ items: IntegrationView[] }>(INTEGRATIONS_PATH, { signal });
}

export const integrationsQueryOptions = queryOptions({
  queryKey: ['integrations'],
  queryFn: ({ signal }) => getIntegrations(signal),
  // The last delivery moves whenever the shop sends a webhook.
  refetchInterval: 15_000,
});

/** The shop integrations, newest first, each with its hook URL and last delivery; never a secret. */
export function useIntegrations() {
  return useQuery(integrationsQueryOptions);
}
