import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { useEngineWithMerchant } from '../support/engine';
import { createMerchant, testDb, waitFor, type ApiResponse, type TestMerchant } from '../support/fixtures';

const PRODUCT_HEADER = 'product_id,title,url,image_url,price,currency,tags,in_stock';
const ORDER_HEADER =
  'order_number,order_date,currency,subtotal,shipping,total,customer_email,customer_name,marketing_consent,' +
  'line_sku,line_title,line_quantity,line_unit_price,shipping_country,tracking_number,carrier';

/** `count` orders of two line items each, the second row naming the order's FedEx parcel. */
function ordersCsv(prefix: string, count: number): string {
  const rows = [ORDER_HEADER];
  for (let i = 1; i <= count; i++) {
    const number = `${prefix}-${i}`;
    rows.push(`${number},2026-11-27T08:15:00+01:00,EUR,39.90,4.95,44.85,buyer${i}@${prefix.toLowerCase()}.example,Buyer ${i},yes,TEE,Tee,1,29.90,ES,,`);
    rows.push(`${number},,,,,,,,,CAP,Cap,1,10.00,,${prefix}${String(i).padStart(6, '0')},fedex`);
  }
  return `${rows.join('\n')}\n`;
}

describe('CSV import of orders and products', () => {
  const context = useEngineWithMerchant({ IMPORT_LIMIT: '4mb' });

  async function upload(
    kind: string,
    body: string | Buffer | Readable | undefined,
    { merchant = context.merchant, contentType = 'text/csv', fileName }: { merchant?: TestMerchant; contentType?: string; fileName?: string } = {},
  ): Promise<ApiResponse> {
    const query = new URLSearchParams({ kind, ...(fileName ? { fileName } : {}) });
    const streamed = body instanceof Readable;
    const response = await fetch(`${context.engine.url}/api/v1/imports?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${merchant.apiKey}`, 'content-type': contentType },
      body: streamed ? (Readable.toWeb(body) as ReadableStream) : body,
      ...(streamed ? { duplex: 'half' } : {}),
    } as RequestInit);
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text, headers: response.headers };
  }

  async function errorsCsv(id: string, merchant = context.merchant): Promise<{ status: number; text: string }> {
    const response = await fetch(`${context.engine.url}/api/v1/imports/${id}/errors.csv`, { headers: { authorization: `Bearer ${merchant.apiKey}` } });
    return { status: response.status, text: await response.text() };
  }

  const count = async (table: string, merchantId = context.merchant.merchantId) =>
    Number((await testDb().query(`SELECT count(*) FROM ${table} WHERE merchant_id = $1`, [merchantId])).rows[0].count);

  it('imports the downloadable orders example: a split order with two shipments, customers, consents, decimal commas', async () => {
    const template = await fetch(`${context.engine.url}/api/v1/imports/templates/orders.csv`, {
      headers: { authorization: `Bearer ${context.merchant.apiKey}` },
    });
    expect(template.headers.get('content-disposition')).toContain('postino-orders-import.csv');
    const imported = await upload('orders', await template.text(), { fileName: 'example.csv' });
    expect(imported.status, JSON.stringify(imported.body)).toBe(202);
    expect(imported.body).toMatchObject({ kind: 'orders', fileName: 'example.csv', state: 'done', rowsDone: 3, rowsFailed: 0, items: { created: 2 } });

    const orders = await context.api('GET', '/api/v1/orders?q=%231001');
    const detail = await context.api('GET', `/api/v1/orders/${orders.body.items[0].id}`);
    expect(detail.body).toMatchObject({ number: '#1001', total: '84.85', discountCodes: ['BLACKFRIDAY'], customer: { email: 'ana.garcia@example.com' } });
    expect(detail.body.lineItems.map((l: { sku: string }) => l.sku)).toEqual(['TEE-M', 'CAP-1']);
    expect(detail.body.shipments.map((s: { carrier: string }) => s.carrier).sort()).toEqual(['dhl-express', 'fedex']);
    expect(detail.body.customer.consents.marketing).toMatchObject({ state: 'granted', source: 'csv_import', at: '2026-11-27T07:15:00.000Z' });
    const second = await context.api('GET', '/api/v1/orders?q=%231002');
    expect(second.body.items[0]).toMatchObject({ subtotal: '19.00', shipping: '4.95', total: '23.95', createdAt: '2026-11-28T17:40:00.000Z' });
  });

  it('imports products from a semicolon file with a BOM, Windows line ends and quoted fields', async () => {
    const csv = '\ufeffproduct_id;title;price;currency;tags;in_stock\r\nMUG-1;"Mug; large";12,50;EUR;"kitchen, gift";yes\r\nMUG-2;"The ""best"" mug";9;EUR;;no\r\n';
    const imported = await upload('products', Buffer.from(csv, 'utf8'));
    expect(imported.body).toMatchObject({ state: 'done', rowsDone: 2, rowsFailed: 0, ignoredColumns: [] });
    const products = await context.api('GET', '/api/v1/products?q=MUG-');
    expect(products.body.items.map((p: Record<string, unknown>) => [p.externalId, p.title, p.price, p.tags, p.inStock]).sort()).toEqual([
      ['MUG-1', 'Mug; large', '12.50', ['kitchen', 'gift'], true],
      ['MUG-2', 'The "best" mug', '9.00', [], false],
    ]);
  });

  it('reports bad rows with row, column and reason in a downloadable CSV, and keeps the good rows', async () => {
    const csv = [
      `${PRODUCT_HEADER},colour`,
      'OK-1,Good one,,,5,EUR,,yes,red',
      'BAD-1,,,,5,EUR,,yes,',
      'BAD-2,Too precise,,,5.555,EUR,,perhaps,',
      'OK-2,"Another, good",https://shop.example/ok-2,,,,,,',
      'BAD-3,Carrier of a formula,=HYPERLINK("http://evil"),,,,,,',
    ].join('\n');
    const imported = await upload('products', csv);
    expect(imported.body).toMatchObject({ state: 'done', rowsDone: 2, rowsFailed: 3, errorCount: 4, ignoredColumns: ['colour'] });
    expect((await context.api('GET', '/api/v1/products?q=OK-')).body.items).toHaveLength(2);
    expect((await context.api('GET', '/api/v1/products?q=BAD-')).body.items).toHaveLength(0);

    const report = await errorsCsv(imported.body.id);
    expect(report.status).toBe(200);
    expect(report.text.replace(/^\ufeff/, '').trim().split('\r\n')).toEqual([
      'row,column,reason',
      '3,title,is required',
      '4,in_stock,"must be yes or no (or true/false, 1/0)"',
      '4,price,must have at most 2 decimals in EUR',
      '6,url,must be an http(s) URL',
    ]);
  });

  it('shows progress while a slow upload streams: bytes read and rows done grow before it is done', async () => {
    const lines = [PRODUCT_HEADER, ...Array.from({ length: 2000 }, (_, i) => `SLOW-${i},Slow product ${i},,,1.00,EUR,,yes`)];
    const parts = Array.from({ length: 8 }, (_, i) => `${lines.slice(i * 250, (i + 1) * 250 + (i === 7 ? 1 : 0)).join('\n')}\n`);
    const body = Readable.from(
      (async function* () {
        for (const part of parts) {
          yield Buffer.from(part);
          await sleep(300);
        }
      })(),
    );
    const uploading = upload('products', body, { fileName: 'slow.csv' });
    const running = await waitFor(async () => {
      const list = await context.api('GET', '/api/v1/imports');
      return list.body.items.find((i: { fileName: string; state: string }) => i.fileName === 'slow.csv' && i.state === 'running');
    }, 10_000, 'the running import in the list');
    const seen: { bytesRead: number; rowsDone: number }[] = [];
    for (let poll = (await context.api('GET', `/api/v1/imports/${running.id}`)).body; poll.state === 'running'; ) {
      seen.push({ bytesRead: poll.bytesRead, rowsDone: poll.rowsDone });
      await sleep(100);
      poll = (await context.api('GET', `/api/v1/imports/${running.id}`)).body;
    }
    const finished = await uploading;
    expect(finished.body).toMatchObject({ id: running.id, state: 'done', rowsDone: 2000 });
    expect(new Set(seen.map((s) => s.bytesRead)).size).toBeGreaterThan(3);
    expect(seen.some((s) => s.rowsDone > 0 && s.rowsDone < 2000)).toBe(true);
    expect(seen.every((s, i) => i === 0 || (s.bytesRead >= seen[i - 1].bytesRead && s.rowsDone >= seen[i - 1].rowsDone))).toBe(true);
  });

  it('creates nothing twice when the same file is imported again', async () => {
    const csv = ordersCsv('TWICE', 300);
    const first = await upload('orders', csv);
    expect(first.body).toMatchObject({ state: 'done', rowsDone: 600, items: { created: 300, updated: 0, unchanged: 0 } });
    const before = { orders: await count('orders'), shipments: await count('shipments'), customers: await count('customers'), events: await count('domain_events') };
    const again = await upload('orders', csv);
    expect(again.body).toMatchObject({ state: 'done', rowsDone: 600, items: { created: 0, updated: 0, unchanged: 300 } });
    expect({ orders: await count('orders'), shipments: await count('shipments'), customers: await count('customers'), events: await count('domain_events') }).toEqual(before);
  });

  it("keeps merchants apart: another merchant's import is a 404 and its same order numbers are its own", async () => {
    const other = await createMerchant();
    const mine = await upload('orders', ordersCsv('APART', 2));
    const theirs = await upload('orders', ordersCsv('APART', 2), { merchant: other });
    expect(theirs.body).toMatchObject({ state: 'done', items: { created: 2 } });
    const asOther = { authorization: `Bearer ${other.apiKey}` };
    expect((await fetch(`${context.engine.url}/api/v1/imports/${mine.body.id}`, { headers: asOther })).status).toBe(404);
    expect((await errorsCsv(mine.body.id, other)).status).toBe(404);
    const listed = await (await fetch(`${context.engine.url}/api/v1/imports?limit=200`, { headers: asOther })).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([theirs.body.id]);
    expect(await count('orders', other.merchantId)).toBe(2);
  });

  it('refuses whole files that cannot be imported with a 4xx naming the problem, storing nothing', async () => {
    const imports = await count('imports');
    const refusals = [
      [await upload('customers', ORDER_HEADER), 400, 'kind'],
      [await upload('products', ''), 400, 'body'],
      [await upload('products', '\ufeff\r\n'), 400, 'body'],
      [await upload('orders', 'order_number,currency\n#1,EUR\n'), 400, 'order_date'],
      [await upload('products', Buffer.from('product_id,title\nP1,Caf\xe9\n', 'latin1')), 400, 'body'],
      [await upload('products', `${PRODUCT_HEADER}\n`, { contentType: 'multipart/form-data; boundary=x' }), 415, 'Content-Type'],
      [await upload('products', `${PRODUCT_HEADER}\n`, { contentType: 'text/csv; charset=windows-1252' }), 400, 'Content-Type'],
      [await upload('products', Buffer.alloc(5 * 1024 * 1024, 'a')), 413, 'body'],
    ] as const;
    for (const [response, status, field] of refusals) {
      expect(response.status, JSON.stringify(response.body)).toBe(status);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(refusals[3][0].body.message).toContain('subtotal, total');
    expect(await count('imports')).toBe(imports);
  });

  it('marks an import failed when the upload stops midway, keeping the batches applied before', async () => {
    const lines = [PRODUCT_HEADER, ...Array.from({ length: 1200 }, (_, i) => `CUT-${i},Cut ${i},,,,,,`)];
    const body = new Readable({ read() {} });
    const uploading = upload('products', body, { fileName: 'cut.csv' }).catch((error: Error) => error);
    body.push(`${lines.slice(0, 1100).join('\n')}\n`);
    const running = await waitFor(async () => {
      const list = await context.api('GET', '/api/v1/imports');
      return list.body.items.find((i: { fileName: string; rowsDone: number }) => i.fileName === 'cut.csv' && i.rowsDone >= 500);
    }, 10_000, 'the first batch of cut.csv');
    body.destroy(new Error('client gave up'));
    await uploading;
    const failed = await waitFor(async () => {
      const found = (await context.api('GET', `/api/v1/imports/${running.id}`)).body;
      return found.state === 'failed' && found;
    }, 10_000, 'the import to fail');
    expect(failed.error).toMatch(/^Interrupted: the upload stopped/);
    expect(failed.rowsDone).toBeGreaterThanOrEqual(500);
    expect((await context.api('GET', '/api/v1/products?q=CUT-&limit=200')).body.items.length).toBeGreaterThan(0);
  });

  it('reports an import whose engine died as failed once its heartbeat is 30 s old', async () => {
    const { rows } = await testDb().query(
      `INSERT INTO imports (merchant_id, kind, state, rows_done, started_at, heartbeat_at)
       VALUES ($1, 'orders', 'running', 500, now() - interval '2 minutes', now() - interval '31 seconds') RETURNING id`,
      [context.merchant.merchantId],
    );
    const found = await context.api('GET', `/api/v1/imports/${rows[0].id}`);
    expect(found.body).toMatchObject({ state: 'failed', rowsDone: 500, error: expect.stringMatching(/^Interrupted: the engine/) });
  });

  it('documents the endpoints and every column in the OpenAPI document', async () => {
    const document = await (await fetch(`${context.engine.url}/api/docs-json`)).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/imports', '/api/v1/imports/{id}', '/api/v1/imports/{id}/errors.csv', '/api/v1/imports/templates/{kind}.csv']),
    );
    const upload = document.paths['/api/v1/imports'].post;
    expect(Object.keys(upload.requestBody.content)).toEqual(['text/csv']);
    expect(upload.description).toContain('| line_unit_price |');
    expect(upload.description).toContain('| in_stock |');
  });

  it('answers a few hundred random, truncated and mangled files with 2xx or 4xx, never 5xx', async () => {
    const seed = ordersCsv('FUZZ', 4);
    const bytes = Buffer.from(seed);
    let random = 42;
    const next = (n: number) => ((random = (random * 1103515245 + 12345) % 2 ** 31), random % n);
    const mangled = (): Buffer => {
      switch (next(6)) {
        case 0:
          return bytes.subarray(0, next(bytes.length));
        case 1:
          return Buffer.from(Array.from({ length: next(400) }, () => next(256)));
        case 2: {
          const copy = Buffer.from(bytes);
          for (let i = 0; i < 20; i++) copy[next(copy.length)] = '",;\n\r\u0000\\'.charCodeAt(next(8));
          return copy;
        }
        case 3:
          return Buffer.from(seed.replace(/,/g, () => (next(10) === 0 ? ';' : ',')));
        case 4:
          return Buffer.concat([Buffer.from('\ufeff'), bytes.subarray(next(80))]);
        default:
          return Buffer.from(seed.split('\n').map((line) => line.split(',').sort(() => next(3) - 1).join(',')).join('\n'));
      }
    };
    const statuses = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const response = await upload(next(5) === 0 ? 'products' : 'orders', mangled());
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
    }
    expect(statuses.get(202)).toBeGreaterThan(0);
    expect(statuses.get(400)).toBeGreaterThan(0);
    expect((await fetch(`${context.engine.url}/health`)).status).toBe(200);
  });
});
