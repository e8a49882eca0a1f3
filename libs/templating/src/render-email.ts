import { htmlLiquid, plainLiquid } from './liquid-engine';
import { htmlToPlainText } from './plain-text';
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
  const html = htmlLiquid.renderSync(prepared.html, variables);
  return {
    subject: singleLine(plainLiquid.renderSync(prepared.subject, variables)),
    html,
    text: htmlToPlainText(html),
  };
}
