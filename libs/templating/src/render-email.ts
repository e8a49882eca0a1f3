import { htmlLiquid, plainLiquid } from './liquid-engine';
import { PreparedEmailTemplate } from './prepare-email-template';
import { singleLine } from './single-line';
import { TemplateVariables } from './template-variables';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Binds one message's variables. Values are only ever output, never parsed as Liquid; in the
 * HTML every output is escaped, and the subject is kept to one line so it cannot add headers.
 */
export function renderEmail(prepared: PreparedEmailTemplate, variables: TemplateVariables): RenderedEmail {
  return {
    subject: singleLine(plainLiquid.renderSync(prepared.subject, variables)),
    html: htmlLiquid.renderSync(prepared.html, variables),
    text: plainLiquid.renderSync(prepared.text, variables).trim(),
  };
}
