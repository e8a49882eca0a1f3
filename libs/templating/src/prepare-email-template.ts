import { Template } from 'liquidjs';
import { htmlLiquid, plainLiquid } from './liquid-engine';

/** A compiled template with its Liquid already parsed: build once per template version, render per message. */
export interface PreparedEmailTemplate {
  readonly subject: Template[];
  readonly html: Template[];
}

/**
 * Parses the Liquid of a compiled template (the output of compileEmailTemplate, which has
 * already reported any syntax error: given anything else, this throws liquidjs's ParseError).
 */
export function prepareEmailTemplate(compiled: { subject: string; html: string }): PreparedEmailTemplate {
  return {
    subject: plainLiquid.parse(compiled.subject),
    html: htmlLiquid.parse(compiled.html),
  };
}
