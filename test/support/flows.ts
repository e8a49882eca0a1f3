import type { Status } from '@postino/status';
import type { apiClient } from './fixtures';

const STATUS_MJML =
  '<mjml><mj-body><mj-section><mj-column><mj-text>{{ shipment.status_label }}</mj-text></mj-column></mj-section></mj-body></mjml>';

type Api = ReturnType<typeof apiClient>;

/** Creates and publishes, through the API, a template whose subject and body show the status. */
export async function publishTemplate(api: Api, name: string, options: { subject?: string; mjml?: string } = {}): Promise<string> {
  const template = await api('POST', '/api/v1/email-templates', {
    name,
    subject: options.subject ?? 'Update: {{ shipment.status_label }}',
    mjml: options.mjml ?? STATUS_MJML,
  });
  if (template.status !== 201) throw new Error(`template not created: ${JSON.stringify(template.body)}`);
  const published = await api('POST', `/api/v1/email-templates/${template.body.id}/publish`, {});
  if (published.status !== 201) throw new Error(`template not published: ${JSON.stringify(published.body)}`);
  return template.body.id;
}

export interface FlowSketch {
  nodes: { id: string; type: string; config: Record<string, unknown> }[];
  /** `[from, port, to]`. */
  edges: [string, string, string][];
}

/** Creates and publishes, through the API, a flow drawn as nodes and `[from, port, to]` edges. Returns its id. */
export async function publishFlow(api: Api, name: string, sketch: FlowSketch): Promise<string> {
  const flow = await api('POST', '/api/v1/flows', {
    name,
    definition: {
      nodes: sketch.nodes.map((node, index) => ({ ...node, position: { x: 0, y: 120 * index } })),
      edges: sketch.edges.map(([from, fromPort, to]) => ({ from, fromPort, to })),
    },
  });
  if (flow.status !== 201) throw new Error(`flow not created: ${JSON.stringify(flow.body)}`);
  const live = await api('POST', `/api/v1/flows/${flow.body.id}/publish`, {});
  if (live.status !== 201) throw new Error(`flow not published: ${JSON.stringify(live.body)}`);
  return flow.body.id;
}

/**
 * Publishes "status becomes one of `statuses` → `logic` node → one e-mail per exit": each exit `port` of the
 * node leads to a send_email node `email_<port>` (so a message's node_id tells which exit a run took).
 */
export async function publishBranchingFlow(
  api: Api,
  options: { name: string; statuses: Status[]; logic: { type: string; config: Record<string, unknown> }; ports: string[] },
): Promise<string> {
  const templateId = await publishTemplate(api, options.name);
  return publishFlow(api, options.name, {
    nodes: [
      { id: 'trigger', type: 'status_changed', config: { statuses: options.statuses } },
      { id: 'logic', ...options.logic },
      ...options.ports.map((port) => ({ id: `email_${port}`, type: 'send_email', config: { templateId } })),
    ],
    edges: [['trigger', 'next', 'logic'], ...options.ports.map((port): [string, string, string] => ['logic', port, `email_${port}`])],
  });
}

/**
 * Publishes, through the API as a shop would, a template and the flow "status becomes one of `statuses`
 * → send it". Returns both ids.
 */
export async function publishEmailFlow(
  api: ReturnType<typeof apiClient>,
  options: {
    statuses: Status[];
    subject?: string;
    mjml?: string;
    name?: string;
    /** Nodes between the trigger and the e-mail, in order (each continues through `next`). */
    before?: { type: string; config: Record<string, unknown> }[];
    /** More settings of the send_email node (e.g. its quiet hours). */
    emailConfig?: Record<string, unknown>;
  },
): Promise<{ templateId: string; flowId: string }> {
  const name = options.name ?? `Email on ${options.statuses.join(', ')}`;
  const template = await api('POST', '/api/v1/email-templates', {
    name,
    subject: options.subject ?? 'Update: {{ shipment.status_label }}',
    mjml: options.mjml ?? STATUS_MJML,
  });
  if (template.status !== 201) throw new Error(`template not created: ${JSON.stringify(template.body)}`);
  const published = await api('POST', `/api/v1/email-templates/${template.body.id}/publish`, {});
  if (published.status !== 201) throw new Error(`template not published: ${JSON.stringify(published.body)}`);
  const middle = (options.before ?? []).map((node, index) => ({ id: `step${index + 1}`, ...node, position: { x: 0, y: 120 * (index + 1) } }));
  const chain = ['trigger', ...middle.map((node) => node.id), 'email'];
  const flow = await api('POST', '/api/v1/flows', {
    name,
    definition: {
      nodes: [
        { id: 'trigger', type: 'status_changed', config: { statuses: options.statuses }, position: { x: 0, y: 0 } },
        ...middle,
        {
          id: 'email',
          type: 'send_email',
          config: { ...options.emailConfig, templateId: template.body.id },
          position: { x: 0, y: 120 * chain.length },
        },
      ],
      edges: chain.slice(1).map((to, index) => ({ from: chain[index], fromPort: 'next', to })),
    },
  });
  if (flow.status !== 201) throw new Error(`flow not created: ${JSON.stringify(flow.body)}`);
  const live = await api('POST', `/api/v1/flows/${flow.body.id}/publish`, {});
  if (live.status !== 201) throw new Error(`flow not published: ${JSON.stringify(live.body)}`);
  return { templateId: template.body.id, flowId: flow.body.id };
}
