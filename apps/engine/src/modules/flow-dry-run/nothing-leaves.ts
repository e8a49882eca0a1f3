import type { MailTransport } from '../messaging/sending/channels/email/mail-transport';
import type { SmsProvider } from '../messaging/sending/channels/sms/sms-provider';

function refuse(): never {
  throw new Error('a dry-run sends nothing');
}

/**
 * The channel senders render here exactly as they do in the send stage, but what they would hand over to goes
 * nowhere: the dry-run never calls `send`, and if it ever did, these refuse.
 */
export const NO_MAIL_TRANSPORT: Pick<MailTransport, 'parallelism' | 'send'> = { parallelism: 1, send: async () => refuse() };

export const NO_SMS_PROVIDER: SmsProvider = { send: async () => refuse(), classify: () => 'permanent' };
