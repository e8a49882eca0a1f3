/** One problem found while publishing a template, pointing at the field and line to fix. */
export interface TemplateCompileError {
  /** 1-based line in the field's source, or null when the problem has no single place. */
  line: number | null;
  field: 'mjml' | 'subject';
  message: string;
}
