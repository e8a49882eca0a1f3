import { Injectable } from '@nestjs/common';
import { sendSmsNodeType, type SendSmsConfig } from '@postino/flow-model';
import { toE164 } from '../../customers/phone-number';
import { NodeExecutor, NodeOutcome, StepContext, StepEffects } from '../node-executor';

type SendSmsStep = StepContext<SendSmsConfig>;

/** Why nothing is texted, when the shipment gives no number to text. */
function missingNumberReason(rawPhone: string | null): string {
  return rawPhone?.trim() ? 'the customer phone number of the shipment is not a valid number' : 'the shipment has no customer phone number';
}

/**
 * Asks for one SMS to the shipment's customer, at their phone number in E.164 (read with the destination
 * country for national formats, as customers' numbers are). The text is the node's own, rendered when it
 * leaves. A customer without a usable number gets a skipped message, so the shop sees why nothing went out.
 */
@Injectable()
export class SendSmsExecutor implements NodeExecutor<typeof sendSmsNodeType, null> {
  readonly nodeType = sendSmsNodeType;

  async prepare(): Promise<null> {
    return null;
  }

  execute(step: SendSmsStep, _prepared: null, effects: StepEffects): NodeOutcome {
    const { customerPhone, destinationCountry } = step.shipment;
    const recipient = toE164(customerPhone, destinationCountry) ?? '';
    effects.message({
      channel: 'sms',
      recipient,
      templateVersionId: null,
      skipReason: recipient ? null : missingNumberReason(customerPhone),
    });
    return { kind: 'continue', port: 'next' };
  }
}
