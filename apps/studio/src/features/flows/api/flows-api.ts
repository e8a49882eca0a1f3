import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { FlowDetail, FlowSummary } from '../types';

export function listFlows(signal?: AbortSignal): Promise<FlowSummary[]> {
  return api.get<FlowSummary[]>('/api/v1/flows', { signal });
}

export function getFlow(id: string, signal?: AbortSignal): Promise<FlowDetail> {
  return api.get<FlowDetail>(`/api/v1/flows/${encodeURIComponent(id)}`, { signal });
}

/**
 * Every flow with its definition, in list order. The list leaves definitions out, so each flow is
 * fetched on its own; a shop has a handful of flows, not hundreds.
 */
export async function listFlowDetails(signal?: AbortSignal): Promise<FlowDetail[]> {
  const flows = await listFlows(signal);
  return Promise.all(flows.map((flow) => getFlow(flow.id, signal)));
}

export const flowDetailsQueryOptions = queryOptions({
  queryKey: ['flows', 'details'],
  queryFn: ({ signal }) => listFlowDetails(signal),
});

export function useFlowDetails() {
  return useQuery(flowDetailsQueryOptions);
}
