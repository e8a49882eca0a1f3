import { FlowDocument, FlowIssue, sendEmailNodeType } from '@postino/flow-model';

/** The template each "send email" step sends, with the step's place in `nodes`. */
export function sendEmailSteps(flow: FlowDocument): { index: number; nodeId: string; templateId: string }[] {
  return flow.nodes.flatMap((node, index) => {
    if (node.type !== sendEmailNodeType.type) return [];
    const config = sendEmailNodeType.configSchema.safeParse(node.config);
    return config.success ? [{ index, nodeId: node.id, templateId: config.data.templateId }] : [];
  });
}

/**
 * A step can only send a template of the flow's merchant that has been published at least once.
 * `publicationStates` maps the merchant's own templates to whether they have a published version.
 */
export function sendEmailTemplateIssues(flow: FlowDocument, publicationStates: ReadonlyMap<string, boolean>): FlowIssue[] {
  return sendEmailSteps(flow).flatMap(({ index, nodeId, templateId }): FlowIssue[] => {
    const published = publicationStates.get(templateId);
    if (published === true) return [];
    const path = ['nodes', index, 'config', 'templateId'];
    if (published === undefined) {
      return [{ path, message: `Step "${nodeId}" sends an email template that does not exist. Choose another template.` }];
    }
    return [{ path, message: `Step "${nodeId}" sends an email template that was never published. Publish the template first.` }];
  });
}
