import type { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const SERVER_PATHS = /^\/(api|t|health|metrics|admin)(\/|$)/;

/** Serves the built studio and falls back to its index.html for client-side routes. */
export function mountStudio(app: INestApplication, studioDir: string): boolean {
  const index = join(studioDir, 'index.html');
  if (!existsSync(index)) return false;
  app.use(express.static(studioDir, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || SERVER_PATHS.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
