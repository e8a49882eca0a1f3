import { EmailSender } from './email/email-sender';
import { SmsSender } from './sms/sms-sender';
import { TeamEmailSender } from './team-email/team-email-sender';
import { WebhookSender } from './webhook/webhook-sender';

/** Every channel sender, one folder each; the send stage and the dry-run both find a channel's sender here. */
export const CHANNEL_SENDER_CLASSES = [EmailSender, SmsSender, TeamEmailSender, WebhookSender];
