export { WEBHOOK_URL_MAX_LENGTH, webhookNodeType } from './webhook';
export type { WebhookConfig } from './webhook';
