import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ApiError, StoredResponse } from './api-error';
import { zodIssuesToDetails } from './zod-issues';

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
};

/** Every error leaves the API as `{ error, message, details }`; unexpected ones as a bare 500. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof StoredResponse) {
      response.setHeader('Idempotent-Replayed', 'true');
      response.status(exception.status).json(exception.body);
      return;
    }
    const { status, body } = this.toBody(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(status).json(body);
  }

  private toBody(exception: unknown): { status: number; body: { error: string; message: string; details: unknown } } {
    if (exception instanceof ZodValidationException) {
      const error = exception.getZodError() as { issues: { path: PropertyKey[]; message: string }[] };
      const apiError = ApiError.validation(zodIssuesToDetails(error.issues));
      return { status: 400, body: apiError.getResponse() as never };
    }
    if (exception instanceof ApiError) {
      return { status: exception.getStatus(), body: exception.getResponse() as never };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const message =
        typeof raw === 'string' ? raw : String((raw as { message?: unknown }).message ?? exception.message);
      return { status, body: { error: CODES[status] ?? 'error', message, details: null } };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { error: 'internal_error', message: 'Internal server error', details: null },
    };
  }
}
