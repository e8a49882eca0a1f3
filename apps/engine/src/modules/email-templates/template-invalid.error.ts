import { HttpStatus } from '@nestjs/common';
import type { TemplateCompileError } from '@postino/templating';
import { ApiError } from '../../common/http/api-error';

/** 422 `template_invalid`: the template cannot become an email; each detail points at a field and line. */
export function templateInvalid(errors: readonly TemplateCompileError[]): ApiError {
  const first = errors[0];
  const where = first ? `${first.field}${first.line === null ? '' : ` line ${first.line}`}: ${first.message}` : '';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new ApiError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'template_invalid',
    `The template has errors: ${where}${more}`,
    errors.map(({ field, line, message }) => ({ field, line, message })),
  );
}
