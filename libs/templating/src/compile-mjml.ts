import mjml2html from 'mjml';
import { TemplateCompileError } from './template-compile-error';

interface MjmlValidationError {
  line: number;
  message: string;
}

/**
 * The installed @types/mjml describe mjml 5, whose compiler is async; mjml is pinned to 4.18
 * (to match the studio's mjml-browser), whose compiler returns synchronously.
 */
type MjmlCompile = (mjml: string, options: Parameters<typeof mjml2html>[1]) => { html: string };

const compile = mjml2html as unknown as MjmlCompile;

function validationErrorsOf(error: unknown): MjmlValidationError[] | null {
  const errors = (error as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? (errors as MjmlValidationError[]) : null;
}

/** MJML → email-client-ready HTML, or the MJML errors with their source lines. */
export function compileMjml(mjml: string): { ok: true; html: string } | { ok: false; errors: TemplateCompileError[] } {
  try {
    const { html } = compile(mjml, {
      validationLevel: 'strict',
      // mj-include reads files from the server's disk: a template must never reach it.
      ignoreIncludes: true,
    });
    return { ok: true, html };
  } catch (error) {
    const validationErrors = validationErrorsOf(error);
    if (validationErrors) {
      return {
        ok: false,
        errors: validationErrors.map(({ line, message }) => ({ field: 'mjml', line, message })),
      };
    }
    // Malformed documents (no <mjml> root, nothing to parse) are reported by mjml as plain errors.
    if (error instanceof Error) return { ok: false, errors: [{ field: 'mjml', line: null, message: error.message }] };
    throw error;
  }
}
