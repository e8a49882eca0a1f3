import { Injectable } from '@nestjs/common';
import { sendEmailNodeType } from '@postino/flow-model';
import { PublishedTemplatesCache } from '../../email-templates/published-templates.cache';
import { NodeExecutor, NodeOutcome, PermanentStepError, StepContext, StepEffects } from '../node-executor';

type SendEmailStep = StepContext<{ templateId: string }>;

/**
 * Asks for one e-mail to the shipment's customer, rendered later from the template's latest published
 * version (looked up for the whole batch in prepare). A customer without an address gets a skipped message,
 * so the shop sees why nothing went out.
 */
@Injectable()
export class SendEmailExecutor implements NodeExecutor<typeof sendEmailNodeType, Map<string, string | null>> {
  readonly nodeType = sendEmailNodeType;

  constructor(private readonly templates: PublishedTemplatesCache) {}

  prepare(steps: SendEmailStep[]): Promise<Map<string, string | null>> {
    return this.templates.latestVersionIds(
      steps.map((step) => ({ merchantId: step.merchantId, revision: step.publicationRevision, templateId: step.config.templateId })),
    );
  }

  execute(step: SendEmailStep, versions: Map<string, string | null>, effects: StepEffects): NodeOutcome {
    const versionId = versions.get(`${step.merchantId}:${step.config.templateId}`);
    if (!versionId) throw new PermanentStepError(`email template ${step.config.templateId} has no published version`);
    const recipient = step.shipment.customerEmail?.toLowerCase() ?? '';
    effects.message({
      channel: 'email',
      recipient,
      templateVersionId: versionId,
      skipReason: recipient ? null : 'the shipment has no customer e-mail address',
    });
    return { kind: 'continue', port: 'next' };
  }
}
