import type { Status } from '@postino/status';
import type { apiClient } from './fixtures';

/** Publishes, through the API as a shop would, the flow "status becomes one of `statuses` → text this". */
export async function publishSmsFlow(
  api: ReturnType<typeof apiClient>,
  options: { statuses: Status[]; text: string; name?: string; smsConfig?: Record<string, unknown> },
): Promise<{ flowId: string }> {
  const flow = await api('POST', '/api/v1/flows', {
    name: options.name ?? `SMS on ${options.statuses.join(', ')}`,
    definition: {
      nodes: [
        { id: 'trigger', type: 'status_changed', config: { statuses: options.statuses }, position: { x: 0, y: 0 } },
        { id: 'sms', type: 'send_sms', config: { ...options.smsConfig, text: options.text }, position: { x: 0, y: 120 } },
      ],
      edges: [{ from: 'trigger', fromPort: 'next', to: 'sms' }],
    },
  });
  if (flow.status !== 201) throw new Error(`flow not created: ${JSON.stringify(flow.body)}`);
  const live = await api('POST', `/api/v1/flows/${flow.body.id}/publish`, {});
  if (live.status !== 201) throw new Error(`flow not published: ${JSON.stringify(live.body)}`);
  return { flowId: flow.body.id };
}
