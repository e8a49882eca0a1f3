import type { INestApplication } from '@nestjs/common';
import express from 'express';

/**
 * Below `path` every body is kept as the exact bytes received (a Buffer in `req.body`), whatever its
 * content type: webhook signatures are computed over those bytes, and re-serialized JSON would not match.
 * Installed before the JSON parser, which then finds the body read; the same `limit` applies, and an
 * oversized body gets the 413 of installBodyParsing's error handler.
 */
export function keepRawBodies(app: INestApplication, path: string, limit: string): void {
  app.use(path, express.raw({ type: () => true, limit }));
}
