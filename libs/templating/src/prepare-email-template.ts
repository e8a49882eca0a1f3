import { Template } from 'liquidjs';
import { htmlLiquid, plainLiquid } from './liquid-engine';
import { htmlToPlainText } from './plain-text';

/** A compiled template with its Liquid already parsed: build once per template version, render per message. */
export interface PreparedEmailTemplate {
  readonly subject: Template[];
  readonly html: Template[];
  /** The plain-text alternative, derived from the HTML once, with its Liquid still in it. */
  readonly text: Template[];
}

/**
 * Parses the Liquid of a compiled template (the output of compileEmailTemplate, which has
 * already reported any syntax error: given anything else, this throws liquidjs's ParseError).
 * The plain text is made here, from the template rather than from each rendered message: turning HTML into
 * text costs far more than binding variables, and Liquid's `{{ … }}` and `{% … %}` read as text, so they
 * survive the conversion (a link becomes "text [{{ url }}]").
 */
export function prepareEmailTemplate(compiled: { subject: string; html: string }): PreparedEmailTemplate {
  return {
    subject: plainLiquid.parse(compiled.subject),
    html: htmlLiquid.parse(compiled.html),
    text: plainLiquid.parse(htmlToPlainText(compiled.html)),
  };
}
