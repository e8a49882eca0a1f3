import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { Lifecycle1764000000009 } from '../../apps/engine/src/database/migrations/1764000000009-lifecycle';
import { MIGRATIONS } from '../../apps/engine/src/database/migrations';

const DATABASE = 'lifecycle_migration';
const upTo = (last: boolean) => MIGRATIONS.slice(0, MIGRATIONS.indexOf(Lifecycle1764000000009) + (last ? 1 : 0));

let admin: Client;
let url: string;

beforeAll(async () => {
  const base = inject('stack').databaseUrl;
  admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  url = base.replace(/\/[^/]+$/, `/${DATABASE}`);
});

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await admin.end();
});

async function migrated(last: boolean): Promise<DataSource> {
  const db = new DataSource({ type: 'postgres', url, migrations: upTo(last), migrationsTableName: 'schema_migrations' });
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  return db;
}

/**
 * Flows published before pinning keep sending what they sent: their versions pin each send node's template at
 * its latest version, which becomes the template's published one. Down and up again leave a working schema.
 */
it('pins what existing flow versions sent until now, and can be undone', async () => {
  const before = await migrated(false);
  const q = (sql: string, params: unknown[] = []) => before.query(sql, params);
  const [merchant] = await q(`INSERT INTO merchants (name, slug) VALUES ('Old shop', 'old-shop') RETURNING id`);
  const template = (name: string) =>
    q(`INSERT INTO email_templates (merchant_id, name, subject, mjml) VALUES ($1, $2, 's', 'm') RETURNING id`, [merchant.id, name]);
  const [sent] = await template('sent');
  const [never] = await template('never published');
  const version = (n: number) =>
    q(
      `INSERT INTO email_template_versions (merchant_id, template_id, version, subject, mjml, html)
       VALUES ($1, $2, $3, 's', 'm', 'h') RETURNING id`,
      [merchant.id, sent.id, n],
    );
  await version(1);
  const [latest] = await version(2);
  const definition = {
    nodes: [
      { id: 'trigger', type: 'status_changed', config: { statuses: ['delivered'] }, position: { x: 0, y: 0 } },
      { id: 'mail', type: 'send_email', config: { templateId: sent.id }, position: { x: 0, y: 1 } },
      { id: 'broken', type: 'send_email', config: { templateId: 'not-a-uuid' }, position: { x: 0, y: 2 } },
      { id: 'unsendable', type: 'send_email', config: { templateId: never.id }, position: { x: 0, y: 3 } },
    ],
    edges: [],
  };
  const [flow] = await q(`INSERT INTO flows (merchant_id, name, draft) VALUES ($1, 'Old flow', $2) RETURNING id`, [
    merchant.id,
    JSON.stringify(definition),
  ]);
  const flowVersion = (n: number, document: unknown) =>
    q(`INSERT INTO flow_versions (merchant_id, flow_id, version, definition) VALUES ($1, $2, $3, $4) RETURNING id`, [
      merchant.id,
      flow.id,
      n,
      JSON.stringify(document),
    ]);
  const [sending] = await flowVersion(1, definition);
  const [sendingNothing] = await flowVersion(2, { nodes: [], edges: [] });
  await before.destroy();

  const after = await migrated(true);
  const pinsOf = async (id: string) => (await after.query(`SELECT pinned_versions FROM flow_versions WHERE id = $1`, [id]))[0].pinned_versions;
  expect(await pinsOf(sending.id)).toEqual([
    { nodeId: 'mail', path: ['templateId'], kind: 'email_template', id: sent.id, versionId: latest.id, version: 2 },
  ]);
  expect(await pinsOf(sendingNothing.id)).toEqual([]);
  expect(await after.query(`SELECT name, published_version_id AS "publishedVersionId", revision FROM email_templates ORDER BY name`)).toEqual([
    { name: 'never published', publishedVersionId: null, revision: 1 },
    { name: 'sent', publishedVersionId: latest.id, revision: 1 },
  ]);
  expect(await after.query(`SELECT revision, paused_at AS "pausedAt", archived_at AS "archivedAt" FROM flows`)).toEqual([
    { revision: 1, pausedAt: null, archivedAt: null },
  ]);

  await after.undoLastMigration({ transaction: 'each' });
  expect(await after.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'flows' AND column_name = 'revision'`)).toEqual([]);
  await after.runMigrations({ transaction: 'each' });
  expect(await pinsOf(sending.id)).toHaveLength(1);
  await after.destroy();
});
