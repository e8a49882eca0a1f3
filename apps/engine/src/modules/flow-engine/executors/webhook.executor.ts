import { Injectable } from '@nestjs/common';
import { webhookNodeType, type WebhookConfig } from '@postino/flow-model';
import { NodeExecutor, NodeOutcome, StepContext, StepEffects } from '../node-executor';

/**
 * Asks for one webhook delivery to the node's URL, a message of the webhook channel: it gets the message
 * row's exactly-once key, lease, retries and `uncertain` after a crash. The request is built when it leaves.
 */
@Injectable()
export class WebhookExecutor implements NodeExecutor<typeof webhookNodeType, null> {
  readonly nodeType = webhookNodeType;

  async prepare(): Promise<null> {
    return null;
  }

  execute(step: StepContext<WebhookConfig>, _prepared: null, effects: StepEffects): NodeOutcome {
    effects.message({ channel: 'webhook', recipient: step.config.url, templateVersionId: null, skipReason: null });
    return { kind: 'continue', port: 'next' };
  }
}
