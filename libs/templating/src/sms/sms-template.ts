import { LiquidError, Template } from 'liquidjs';
import { plainLiquid } from '../liquid-engine';
import { SAMPLE_TEMPLATE_VARIABLES } from '../sample-template-variables';
import type { TemplateVariables } from '../template-variables';
import { smsSegments, type SmsSegments } from './sms-segments';

/** An SMS text with its Liquid parsed: once per send node of a published flow version, rendered per message. */
export interface PreparedSmsTemplate {
  readonly text: Template[];
}

/**
 * Control characters a phone would show as boxes or act on, from the text or from the data: all but LF. CR and
 * the Unicode line separators become LF first, so CRLF from a form reads as one line break.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;

/** Throws liquidjs's ParseError for text that smsTextSyntaxError() refuses. */
export function prepareSmsTemplate(text: string): PreparedSmsTemplate {
  return { text: plainLiquid.parse(text) };
}

/**
 * Binds one message's variables. SMS is plain text: nothing is HTML-escaped (an "&" stays "&"), values are only
 * ever output, never parsed as Liquid, and control characters are removed from the result. `tracking_url` is
 * the tracking page (`/t/:token`, 24 random bytes in base64url: about 60 characters with the host, all in the
 * GSM alphabet), already as short as a link shortener's, so it is printed as it is.
 */
export function renderSms(prepared: PreparedSmsTemplate, variables: TemplateVariables): string {
  return plainLiquid.renderSync(prepared.text, variables).replace(LINE_BREAKS, '\n').replace(CONTROL_CHARACTERS, '').trim();
}

/** Liquid's complaint about a text (an unclosed tag, an unknown filter), or null when it parses. */
export function smsTextSyntaxError(text: string): string | null {
  try {
    plainLiquid.parse(text);
    return null;
  } catch (error) {
    if (!LiquidError.is(error)) throw error;
    return error.message;
  }
}

/** The sample data with a tracking link as long as a real one (a host and a 32-character token). */
const SAMPLE_SMS_VARIABLES: TemplateVariables = {
  ...SAMPLE_TEMPLATE_VARIABLES,
  tracking_url: 'https://track.example.com/t/Xk3v9QmT2bLw7RpZ0aYc4NsE8uJh6GdF',
};

/**
 * The segments a text takes once rendered with sample data: what the editor shows and publishing limits.
 * A real message can differ (a longer name, a customer whose name needs UCS-2); the sender counts each one.
 * Null when the text does not parse.
 */
export function sampleSmsSegments(text: string): SmsSegments | null {
  if (smsTextSyntaxError(text) !== null) return null;
  try {
    return smsSegments(renderSms(prepareSmsTemplate(text), SAMPLE_SMS_VARIABLES));
  } catch {
    // A render limit reached (a loop over nothing sensible): as unusable as a syntax error.
    return null;
  }
}
