import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgCapturedSmsStore } from './captured-sms-store';
import { startEmbeddedPostgres, type RunningPostgres } from './postgres';
import { startSmsCapture } from './sms-capture';

// The engine's migrations own this table; the spec recreates the shape the store relies on.
const CAPTURED_SMS_TABLE = `CREATE TABLE captured_sms (
  id uuid PRIMARY KEY, received_at timestamptz NOT NULL, sender text, recipient text NOT NULL, text text NOT NULL,
  segments integer NOT NULL, encoding text NOT NULL, message_id text
)`;

describe('createPgCapturedSmsStore', { timeout: 60_000 }, () => {
  let workDir: string;
  let postgres: RunningPostgres;
  let pool: pg.Pool;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'postino-captured-sms-'));
    await chmod(workDir, 0o755);
    postgres = await startEmbeddedPostgres({ dataDir: join(workDir, 'data') });
    pool = new pg.Pool({ connectionString: postgres.url });
    await pool.query(CAPTURED_SMS_TABLE);
  });
  afterAll(async () => {
    await pool?.end();
    await postgres?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('stores every one of many SMS arriving at once as captured_sms rows, each answered once written', async () => {
    const capture = await startSmsCapture({ store: createPgCapturedSmsStore(pool) });
    try {
      const texts = Array.from({ length: 40 }, (_, i) => `Parcel ${i} costs 5€`);
      const answers = await Promise.all(
        texts.map((text, i) =>
          fetch(capture.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': `m${i}@postino.local` },
            body: JSON.stringify({ to: '+34612345678', from: 'Shop', text }),
          }).then((r) => r.json()),
        ),
      );
      const { rows } = await pool.query('SELECT id, received_at, sender, recipient, text, segments, encoding, message_id FROM captured_sms');
      expect(rows.map((row) => row.text).sort()).toEqual([...texts].sort());
      expect(rows.map((row) => row.id).sort()).toEqual(answers.map((a) => a.id).sort());
      expect(rows.find((row) => row.text === 'Parcel 7 costs 5€')).toMatchObject({
        received_at: expect.any(Date),
        sender: 'Shop',
        recipient: '+34612345678',
        segments: 1,
        encoding: 'GSM-7',
        message_id: 'm7@postino.local',
      });
    } finally {
      await capture.stop();
    }
  });
});
