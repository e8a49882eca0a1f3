import type { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import { refuseUnstorableInput } from './unstorable-input';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/** Routes that read their body themselves, as a stream: a CSV import of up to IMPORT_LIMIT (modules/imports). */
function readsItsOwnBody(req: Request): boolean {
  return req.method === 'POST' && /^\/api\/v1\/imports\/?$/i.test(req.path);
}

const unlessStreamed =
  (parser: (req: Request, res: Response, next: NextFunction) => void) => (req: Request, res: Response, next: NextFunction) =>
    readsItsOwnBody(req) ? next() : parser(req, res, next);

/**
 * JSON bodies up to `limit`; an oversized body gets 413; malformed JSON, text PostgreSQL cannot store (U+0000,
 * lone UTF-16 surrogates) and nesting deeper than MAX_JSON_DEPTH get 400, all in the API's error shape
 * (body-parser errors never reach Nest's exception filters).
 */
export function installBodyParsing(app: INestApplication, limit: string): void {
  app.use(unlessStreamed(express.json({ limit })));
  app.use(unlessStreamed(express.urlencoded({ extended: false, limit })));
  app.use((err: BodyParserError, _req: Request, res: Response, next: NextFunction) => {
    if (err.type === 'entity.too.large') {
      res.status(413).json({
        error: 'payload_too_large',
        message: `Request body exceeds the limit of ${limit}`,
        details: { limit },
      });
      return;
    }
    if (err.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'invalid_json', message: `Request body is not valid JSON: ${err.message}`, details: null });
      return;
    }
    if (err.status && err.status >= 400 && err.status < 500) {
      res.status(err.status).json({ error: 'bad_request', message: err.message, details: null });
      return;
    }
    next(err);
  });
  app.use(refuseUnstorableInput);
}
