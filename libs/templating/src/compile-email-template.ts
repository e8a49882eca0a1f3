import { compileMjml } from './compile-mjml';
import { htmlLiquid, plainLiquid } from './liquid-engine';
import { liquidSyntaxErrors } from './liquid-syntax-errors';
import { TemplateCompileError } from './template-compile-error';

export interface EmailTemplateSource {
  subject: string;
  mjml: string;
}

export type CompileEmailTemplateResult =
  | { ok: true; html: string; subject: string }
  | { ok: false; errors: TemplateCompileError[] };

/**
 * Publish-time compilation: MJML → HTML once, with the Liquid of subject and body checked,
 * so that each send only binds variables (see prepareEmailTemplate / renderEmail).
 */
export function compileEmailTemplate(source: EmailTemplateSource): CompileEmailTemplateResult {
  const subjectErrors: TemplateCompileError[] =
    source.subject.trim() === ''
      ? [{ field: 'subject', line: null, message: 'The subject is empty.' }]
      : liquidSyntaxErrors(plainLiquid, source.subject, 'subject');
  // Liquid is checked on the MJML source so that its line numbers point at what the author wrote.
  const mjmlLiquidErrors = liquidSyntaxErrors(htmlLiquid, source.mjml, 'mjml');
  const compiled = compileMjml(source.mjml);
  const mjmlErrors = compiled.ok ? [] : compiled.errors;

  const errors = [...subjectErrors, ...mjmlErrors, ...mjmlLiquidErrors];
  if (errors.length > 0 || !compiled.ok) return { ok: false, errors };

  // MJML may move or repeat markup; the HTML that is actually sent must parse too.
  const htmlErrors = liquidSyntaxErrors(htmlLiquid, compiled.html, 'mjml').map((error) => ({
    ...error,
    line: null,
    message: `${error.message} (in the HTML produced from the MJML)`,
  }));
  if (htmlErrors.length > 0) return { ok: false, errors: htmlErrors };

  return { ok: true, html: compiled.html, subject: source.subject };
}
