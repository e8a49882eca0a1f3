export { sendSmsNodeType } from './send-sms';
export type { SendSmsConfig } from './send-sms';
