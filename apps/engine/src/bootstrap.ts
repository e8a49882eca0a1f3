import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import type { Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { AppModule } from './app.module';
import { HttpExceptionFilter } from './common/http/http-exception.filter';
import { installBodyParsing } from './common/http/body-parsing';
import { keepRawBodies } from './common/http/raw-body';
import { EngineConfig, runsApi } from './config/engine-config';
import { runMigrations } from './database/run-migrations';
import { waitForDatabase } from './database/wait-for-database';
import { mountBullBoard } from './http-setup/bull-board';
import { mountOpenApi } from './http-setup/openapi';
import { installSecurityHeaders } from './http-setup/security-headers';
import { mountStudio } from './http-setup/studio-static';
import { httpMetricsMiddleware } from './modules/metrics/metrics';
import { SHOP_HOOKS_PATH } from './modules/shop-integrations/hook-url';

export interface RunningEngine {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

const DEFAULT_STUDIO_DIR = resolve(__dirname, '../../../dist/apps/studio');

/** Migrates, builds and starts one engine process with the given configuration. */
export async function startEngine(config: EngineConfig): Promise<RunningEngine> {
  await waitForDatabase(config.DATABASE_URL, (line) => console.warn(line));
  await runMigrations(config.DATABASE_URL);
  const app = await NestFactory.create(AppModule.register(config), { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.use(httpMetricsMiddleware);
  installSecurityHeaders(app, config.SECURE_COOKIES);
  keepRawBodies(app, SHOP_HOOKS_PATH, config.BODY_LIMIT);
  installBodyParsing(app, config.BODY_LIMIT);
  app.use(cookieParser());
  app.useGlobalPipes(new ZodValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  if (!runsApi(config)) {
    // The match must end before the slash (a lookahead): Express only mounts a prefix that ends on a path
    // segment boundary, so a pattern that consumed "/api/" would never match "/api/v1/…". Case-insensitive like routing.
    app.use(/^\/(?:api|t|admin)(?=\/|$)/i, (_req: Request, res: Response) => {
      res.status(404).json({ error: 'not_found', message: 'This engine runs ROLE=worker: the API is served by api engines', details: null });
    });
  } else {
    mountOpenApi(app);
    mountBullBoard(app, config.ADMIN_EMAILS);
    mountStudio(app, config.STUDIO_DIR ?? DEFAULT_STUDIO_DIR);
  }
  // A CSV import holds its request while its rows are applied (the upload is paced by the work), which may
  // take longer than Node's 5-minute limit on receiving a request: no such limit, but a connection silent for
  // 2 minutes is closed. Slow headers still get 408 after 60 s (headersTimeout).
  const server = app.getHttpServer() as Server;
  server.requestTimeout = 0;
  server.timeout = 120_000;
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : config.PORT}`;
  return { app, url, close: () => app.close() };
}
