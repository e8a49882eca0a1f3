import { Injectable } from '@nestjs/common';
import { sendEmailNodeType } from '@postino/flow-model';
import { NodeExecutor, NodeOutcome, PermanentStepError, StepContext, StepEffects } from '../node-executor';

type SendEmailStep = StepContext<{ templateId: string }>;

/**
 * Asks for one e-mail to the shipment's customer, rendered later from the template version the run's flow version
 * pinned when it was published: republishing the template changes nothing here until the flow is republished.
 * A customer without an address gets a skipped message, so the shop sees why nothing went out.
 */
@Injectable()
export class SendEmailExecutor implements NodeExecutor<typeof sendEmailNodeType, null> {
  readonly nodeType = sendEmailNodeType;

  async prepare(): Promise<null> {
    return null;
  }

  execute(step: SendEmailStep, _prepared: null, effects: StepEffects): NodeOutcome {
    const versionId = step.pinned.versionOf('email_template', step.config.templateId);
    if (!versionId) throw new PermanentStepError(`the flow version pins no version of email template ${step.config.templateId}`);
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
