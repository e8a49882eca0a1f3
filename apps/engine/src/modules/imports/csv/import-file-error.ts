import { HttpStatus } from '@nestjs/common';
import type { ApiErrorDetail } from '../../../common/http/api-error';

/**
 * A problem with the uploaded file as a whole (not one of its rows): not UTF-8, no header, a header without a
 * required column, larger than the limit, CSV the parser cannot read on from. It answers the upload with its
 * status and details naming the field (`body`, a header column…).
 */
export class ImportFileError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[],
  ) {
    super(message);
  }

  static invalid(code: string, message: string, field = 'body'): ImportFileError {
    return new ImportFileError(HttpStatus.BAD_REQUEST, code, message, [{ field, message }]);
  }
}
