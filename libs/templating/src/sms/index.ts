export { gsmSeptets } from './gsm-7-alphabet';
export { smsSegments } from './sms-segments';
export type { SmsEncoding, SmsSegments } from './sms-segments';
export { prepareSmsTemplate, renderSms, sampleSmsSegments, smsTextSyntaxError } from './sms-template';
export type { PreparedSmsTemplate } from './sms-template';
