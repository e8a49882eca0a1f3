import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { sha256 } from '../common/auth/secrets';
import { SESSION_COOKIE } from '../modules/auth/session-cookies';
import { SessionRepository } from '../modules/auth/session.repository';
import { QUEUES } from '../modules/queues/queue-names';

export const BULL_BOARD_PATH = '/admin/queues';

/**
 * Bull Board shows and acts on every merchant's jobs, so it is for instance administrators only: a valid
 * studio session of a user whose e-mail is in ADMIN_EMAILS. With no administrators it is closed to all.
 */
export function mountBullBoard(app: INestApplication, adminEmails: readonly string[]): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
  });
  const sessions = app.get(SessionRepository);
  const ownersOnly = async (req: Request, res: Response, next: NextFunction) => {
    const token = req.cookies?.[SESSION_COOKIE];
    const session = token ? await sessions.findValid(sha256(token)).catch(() => null) : null;
    if (!session) {
      res.status(401).json({ error: 'unauthorized', message: 'Log in to the studio first', details: null });
      return;
    }
    if (!adminEmails.includes(session.email.toLowerCase())) {
      res.status(403).json({
        error: 'forbidden',
        message: 'Bull Board is for instance administrators: add your e-mail to ADMIN_EMAILS',
        details: null,
      });
      return;
    }
    next();
  };
  app.use(BULL_BOARD_PATH, cookieParser(), ownersOnly, serverAdapter.getRouter());
}
