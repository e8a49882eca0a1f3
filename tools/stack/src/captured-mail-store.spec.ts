import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgCapturedMailStore } from './captured-mail-store';
import { startEmbeddedPostgres, type RunningPostgres } from './postgres';
import { startSmtpCapture } from './smtp-capture';

// The engine's migrations own this table; the spec recreates the shape the store relies on.
const CAPTURED_EMAILS_TABLE = `CREATE TABLE captured_emails (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  received_at timestamptz NOT NULL,
  envelope_from text NOT NULL,
  envelope_to text[] NOT NULL,
  message_id text,
  subject text,
  from_address text,
  to_address text,
  html text,
  text text,
  raw text NOT NULL
)`;

describe('createPgCapturedMailStore', { timeout: 60_000 }, () => {
  let workDir: string;
  let postgres: RunningPostgres;
  let pool: pg.Pool;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'postino-captured-'));
    await chmod(workDir, 0o755);
    postgres = await startEmbeddedPostgres({ dataDir: join(workDir, 'data') });
    pool = new pg.Pool({ connectionString: postgres.url });
    await pool.query(CAPTURED_EMAILS_TABLE);
  });
  afterAll(async () => {
    await pool?.end();
    await postgres?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('stores each mail received by the capture server as a captured_emails row', async () => {
    const capture = await startSmtpCapture({ store: createPgCapturedMailStore(pool) });
    try {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: capture.port, ignoreTLS: true });
      const mail = {
        from: 'shop@example.com',
        to: 'ada@example.org, bob@example.org',
        subject: 'Delivered',
        html: '<p>Your parcel was delivered</p>',
      };
      await transport.sendMail(mail);
      await transport.sendMail(mail);
    } finally {
      await capture.stop();
    }

    const { rows } = await pool.query(
      'SELECT id, received_at, envelope_from, envelope_to, message_id, subject, from_address, to_address, html, text, raw FROM captured_emails',
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      received_at: expect.any(Date),
      envelope_from: 'shop@example.com',
      envelope_to: ['ada@example.org', 'bob@example.org'],
      message_id: expect.stringMatching(/^<.+>$/),
      subject: 'Delivered',
      from_address: 'shop@example.com',
      to_address: 'ada@example.org, bob@example.org',
      html: expect.stringMatching(/^<p>Your parcel was delivered<\/p>\s*$/),
      raw: expect.stringContaining('Subject: Delivered'),
    });
  });

  it('stores every one of many mails arriving at once, each acknowledged once it is written', async () => {
    await pool.query('TRUNCATE captured_emails');
    const capture = await startSmtpCapture({ store: createPgCapturedMailStore(pool) });
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: capture.port, ignoreTLS: true, pool: true, maxConnections: 10 });
    try {
      const subjects = Array.from({ length: 60 }, (_, i) => `parcel ${i}`);
      await Promise.all(subjects.map((subject) => transport.sendMail({ from: 'shop@example.com', to: 'ada@example.org', subject, text: subject })));
      const { rows } = await pool.query('SELECT subject, envelope_to FROM captured_emails');
      expect(rows.map((row) => row.subject).sort()).toEqual([...subjects].sort());
      expect(rows.every((row) => row.envelope_to.length === 1 && row.envelope_to[0] === 'ada@example.org')).toBe(true);
    } finally {
      transport.close();
      await capture.stop();
    }
  });

  it('survives a PostgreSQL restart: answers 451 while it is down, then stores again, logging the lost connection once', async () => {
    const dataDir = join(workDir, 'restart');
    let server = await startEmbeddedPostgres({ dataDir });
    const port = Number(new URL(server.url).port);
    const restartPool = new pg.Pool({ connectionString: server.url, max: 2 });
    const lines: string[] = [];
    const capture = await startSmtpCapture({ store: createPgCapturedMailStore(restartPool, { log: (line) => lines.push(line) }) });
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: capture.port, ignoreTLS: true });
    const send = (subject: string) => transport.sendMail({ from: 'shop@example.com', to: 'ada@example.org', subject, text: subject });
    try {
      await restartPool.query(CAPTURED_EMAILS_TABLE);
      // Two idle connections, both cut by the restart.
      await Promise.all([send('before'), send('before too')]);

      await server.stop();
      await expect(send('during')).rejects.toMatchObject({ responseCode: 451 });

      server = await startEmbeddedPostgres({ dataDir, port });
      await send('after');
      const { rows } = await restartPool.query('SELECT subject FROM captured_emails');
      expect(rows.map((row) => row.subject).sort()).toEqual(['after', 'before', 'before too']);
      expect(lines.filter((line) => line.includes('lost its connection'))).toHaveLength(1);
    } finally {
      await capture.stop();
      await restartPool.end();
      await server.stop();
    }
  });
});
