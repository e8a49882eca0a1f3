import { HttpStatus } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import { ApiError } from '../../common/http/api-error';
import { findUnstorableInput } from '../../common/http/unstorable-input';
import { zodIssuesToDetails } from '../../common/http/zod-issues';
import { parseJsonKeepingLongIntegers } from './exact-json';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const MAX_HEADER_LENGTH = 255;

/** A header the delivery must carry exactly once, e.g. its topic or its id; a 400 naming it otherwise. */
export function requiredHeader(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name.toLowerCase()];
  if (Array.isArray(value)) throw new ApiError(HttpStatus.BAD_REQUEST, 'bad_request', `The ${name} header must be sent once`);
  const text = value?.trim();
  if (!text) throw new ApiError(HttpStatus.BAD_REQUEST, 'bad_request', `The ${name} header is required`);
  if (text.length > MAX_HEADER_LENGTH) {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'bad_request', `The ${name} header must be at most ${MAX_HEADER_LENGTH} characters`);
  }
  return text;
}

/**
 * A verified body read as the topic's payload: UTF-8, JSON (long integer ids kept exact), storable text
 * (no NUL, no lone surrogate, at most 64 levels deep), then the topic's schema. Each failure is a 400 naming
 * the problem, with the platform's field names.
 */
export function readPayload<S extends z.ZodType>(rawBody: Buffer, schema: S): z.output<S> {
  let text: string;
  try {
    text = UTF8.decode(rawBody);
  } catch {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'invalid_body', 'The body is not valid UTF-8');
  }
  let json: unknown;
  try {
    json = parseJsonKeepingLongIntegers(text);
  } catch (error) {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'invalid_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
  const unstorable = findUnstorableInput(json);
  if (unstorable) throw ApiError.validation([{ ...unstorable, field: unstorable.field || undefined }]);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw ApiError.validation(zodIssuesToDetails(parsed.error.issues));
  return parsed.data;
}
