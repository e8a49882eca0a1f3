export { sendEmailNodeType } from './send-email';
export type { SendEmailConfig } from './send-email';
