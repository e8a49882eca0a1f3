import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { Pool } from 'pg';
import { cleanupOnSignals, createMerchant, spawnEngine, startStack, type EngineProcess } from '../crash/harness';

/**
 * `npm run bench:csv-import`: a generated orders CSV (default 100,000 rows: orders of 1 to 3 line items, each
 * shipped in a FedEx parcel, ~1 customer per 2 orders) uploaded to `POST /api/v1/imports?kind=orders` of an
 * engine on a stack of its own (embedded PostgreSQL in a temp dir, Redis, SMTP capture), then the same file
 * again (everything unchanged). Prints rows/s, MB/s and the engine's peak RSS, which stays flat whatever the
 * file's size because the upload is streamed and applied 500 rows at a time.
 */
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    role: { type: 'string', default: 'api' },
    verbose: { type: 'boolean', default: false },
    'pg-stats': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write('npm run bench:csv-import -- [--rows 100000] [--role api|all (all: the worker handles the outbox events too)]\n' +
      '                            [--verbose (engine logs)] [--pg-stats (the statements that took the most database time)]\n' +
      '                            [--cpu-prof DIR (a V8 CPU profile of the engine, written when it stops)]\n');
  process.exit(0);
}
const ROWS = Number(values.rows);
const ROLE = values.role === 'all' ? 'all' : 'api';
const out = (line = '') => process.stdout.write(`${line}\n`);

const HEADER =
  'order_number,order_date,currency,subtotal,discounts,shipping,total,order_status,discount_codes,customer_email,' +
  'customer_first_name,customer_name,customer_phone,customer_locale,marketing_consent,line_product_id,line_sku,' +
  'line_title,line_quantity,line_unit_price,shipping_country,shipping_city,shipping_postal_code,tracking_number,carrier';
const CITIES = [
  ['ES', 'Madrid', '28013', 'es'],
  ['IT', 'Milano', '20121', 'it'],
  ['FR', 'Lyon', '69002', 'fr'],
  ['DE', 'Köln', '50667', 'de'],
  ['GB', 'Leeds', 'LS1 4DY', 'en'],
];

/** Writes `rows` data rows to `path` (one order takes 1 to 3 consecutive rows); answers the number of orders. */
async function writeOrdersCsv(path: string, rows: number): Promise<number> {
  const file = createWriteStream(path);
  file.write(`${HEADER}\n`);
  let written = 0;
  let order = 0;
  while (written < rows) {
    order++;
    const lines = Math.min(1 + (order % 3), rows - written);
    const [country, city, postalCode, locale] = CITIES[order % CITIES.length];
    const customer = order % 2 === 0 ? order / 2 : (order + 1) / 2;
    const prices = Array.from({ length: lines }, (_, i) => 9.95 + ((order + i) % 7) * 5);
    const subtotal = prices.reduce((a, b) => a + b, 0);
    const date = new Date(Date.UTC(2026, 9, 1) + order * 60_000).toISOString();
    for (let i = 0; i < lines; i++) {
      const orderColumns =
        i === 0
          ? [
              `BENCH-${order}`,
              date,
              'EUR',
              subtotal.toFixed(2),
              '0.00',
              '4.95',
              (subtotal + 4.95).toFixed(2),
              'open',
              order % 10 === 0 ? 'AUTUMN10' : '',
              `customer${customer}@bench.example`,
              `Name${customer}`,
              `Name${customer} Surname`,
              `6${String(10_000_000 + customer).slice(-8)}`,
              locale,
              order % 4 === 0 ? 'yes' : 'no',
            ]
          : [`BENCH-${order}`, '', '', '', '', '', '', '', '', '', '', '', '', '', ''];
      const product = (order + i) % 50;
      const line = [`p-${product}`, `SKU-${product}`, `Product ${product}`, String(1 + (i % 2)), prices[i].toFixed(2)];
      const shipping = i === 0 ? [country, city, postalCode] : ['', '', ''];
      const row = [...orderColumns, ...line, ...shipping, `BENCH${String(order).padStart(10, '0')}`, 'fedex'];
      if (!file.write(`${row.join(',')}\n`)) await new Promise<void>((resolve) => file.once('drain', () => resolve()));
      written++;
    }
  }
  file.end();
  await finished(file);
  return order;
}

interface Upload {
  seconds: number;
  body: { state: string; rowsDone: number; rowsFailed: number; items: { created: number; updated: number; unchanged: number }; error: string | null };
}

async function upload(engine: EngineProcess, apiKey: string, path: string, bytes: number): Promise<Upload> {
  const started = performance.now();
  const response = await fetch(`${engine.url}/api/v1/imports?kind=orders&fileName=bench.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'text/csv', 'content-length': String(bytes) },
    body: Readable.toWeb(createReadStream(path)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const body = await response.json();
  if (response.status !== 202) throw new Error(`import answered ${response.status}: ${JSON.stringify(body)}`);
  return { seconds: (performance.now() - started) / 1000, body };
}

/** The statements that took the most database time since the last call, then reset. */
async function printStatementStats(db: Pool): Promise<void> {
  const { rows } = await db.query(
    `SELECT calls, total_exec_time AS ms, regexp_replace(query, '\\s+', ' ', 'g') AS query
       FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 8`,
  );
  for (const r of rows) out(`    ${Number(r.ms).toFixed(0).padStart(7)} ms ${String(r.calls).padStart(6)} calls  ${String(r.query).slice(0, 120)}`);
  await db.query(`SELECT pg_stat_statements_reset()`);
}

async function main(): Promise<void> {
  cleanupOnSignals();
  const log = values.verbose ? (line: string) => out(line) : undefined;
  out(`Postino CSV import benchmark — ${ROWS} order rows, 1 engine ROLE=${ROLE}`);
  const stack = await startStack({ prefix: 'postino-bench-csv-' });
  try {
    const path = join(stack.workDir, 'orders.csv');
    const orders = await writeOrdersCsv(path, ROWS);
    const bytes = (await stat(path)).size;
    const mb = bytes / 1024 / 1024;
    out(`file: ${ROWS} rows, ${orders} orders with their shipments, ${mb.toFixed(1)} MB`);
    if (values['pg-stats']) {
      await stack.db.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
      await stack.restartPostgres();
      await stack.db.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`);
    }
    const nodeArgs = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [];
    const engine = await spawnEngine(stack, { name: ROLE, role: ROLE, env: { MAIL_TRANSPORT: 'discard' }, log, nodeArgs });
    const merchant = await createMerchant(stack.db, 'Bench Shop');
    const idleRss = await engine.peakRssMb();
    out(`engine peak RSS before importing: ${idleRss?.toFixed(0) ?? '?'} MB`);
    for (const label of ['first import (all created)', 'same file again (all unchanged)']) {
      const { seconds, body } = await upload(engine, merchant.apiKey, path, bytes);
      const items = `${body.items.created} created, ${body.items.updated} updated, ${body.items.unchanged} unchanged`;
      out(`${label.padEnd(33)} ${seconds.toFixed(1)} s   ${(ROWS / seconds).toFixed(0)} rows/s   ${(mb / seconds).toFixed(2)} MB/s   ` + `state ${body.state}, ${body.rowsDone} rows done, ${body.rowsFailed} failed; orders ${items}`);
      if (body.state !== 'done' || body.rowsDone !== ROWS) throw new Error(`the import did not take every row: ${JSON.stringify(body)}`);
      if (values['pg-stats']) await printStatementStats(stack.db);
    }
    out(`engine peak RSS (VmHWM) after both: ${(await engine.peakRssMb())?.toFixed(0) ?? '?'} MB`);
    await engine.stop();
    await rm(path, { force: true });
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
