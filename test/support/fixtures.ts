import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { inject } from 'vitest';
import { hashPassword, sha256 } from '../../apps/engine/src/common/auth/secrets';
import { API_KEY_PREFIX } from '../../apps/engine/src/modules/api-keys/api-keys.service';
import { randomToken } from '../../apps/engine/src/common/auth/secrets';

let pool: Pool | null = null;

/** Direct database access, for arranging and for asserting what the API does not show. */
export function testDb(): Pool {
  pool ??= new Pool({ connectionString: inject('stack').databaseUrl, max: 4 });
  return pool;
}

export interface TestMerchant {
  merchantId: string;
  apiKey: string;
  email: string;
  password: string;
  slug: string;
}

/** A merchant with an owner (or other role) and an API key, as a fresh signup would have. */
export async function createMerchant(role: 'owner' | 'marketer' | 'agent' = 'owner'): Promise<TestMerchant> {
  const db = testDb();
  const slug = `shop-${randomUUID().slice(0, 8)}`;
  const merchantId = (await db.query(`INSERT INTO merchants (name, slug) VALUES ($1, $2) RETURNING id`, [`Shop ${slug}`, slug]))
    .rows[0].id;
  const email = `${role}@${slug}.test`;
  const password = `pw-${randomToken(9)}`;
  await db.query(`INSERT INTO users (merchant_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)`, [
    merchantId,
    email,
    `${role} of ${slug}`,
    role,
    await hashPassword(password),
  ]);
  const apiKey = `${API_KEY_PREFIX}${randomToken(32)}`;
  await db.query(`INSERT INTO api_keys (merchant_id, name, prefix, key_hash) VALUES ($1, 'test', $2, $3)`, [
    merchantId,
    apiKey.slice(0, 10),
    sha256(apiKey),
  ]);
  return { merchantId, apiKey, email, password, slug };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A client of the REST API that sends `credentials` with every request and parses JSON answers. */
function restClient(baseUrl: string, credentials: Record<string, string>) {
  return async function call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...credentials, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  };
}

/** A client of the REST API with an API key, as an integration calls it. */
export function apiClient(baseUrl: string, apiKey: string) {
  return restClient(baseUrl, { authorization: `Bearer ${apiKey}` });
}

/** Polls until `probe` returns a truthy value, or fails after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A studio login: the session cookie (httpOnly) and the CSRF token the studio echoes in `X-CSRF-Token`. */
export interface StudioSession {
  session: string;
  csrf: string;
}

/** The `name=value` of each Set-Cookie header, by name, with the attributes that came with it. */
export function setCookies(headers: Headers): Map<string, { value: string; attributes: string[] }> {
  const cookies = new Map<string, { value: string; attributes: string[] }>();
  for (const line of headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const separator = pair.indexOf('=');
    cookies.set(pair.slice(0, separator), { value: decodeURIComponent(pair.slice(separator + 1)), attributes });
  }
  return cookies;
}

/** Logs a user in through POST /api/v1/auth/login and returns the session it opened. */
export async function logIn(baseUrl: string, email: string, password: string): Promise<StudioSession> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login of ${email} answered ${response.status}: ${await response.text()}`);
  const cookies = setCookies(response.headers);
  const session = cookies.get('postino_session')?.value;
  const csrf = cookies.get('postino_csrf')?.value;
  if (!session || !csrf) throw new Error(`login of ${email} set no session cookies`);
  return { session, csrf };
}

/** A client of the REST API with a studio session, as the studio calls it (cookies + CSRF header). */
export function sessionClient(baseUrl: string, { session, csrf }: StudioSession) {
  return restClient(baseUrl, {
    cookie: `postino_session=${encodeURIComponent(session)}; postino_csrf=${encodeURIComponent(csrf)}`,
    'x-csrf-token': csrf,
  });
}

/** Another studio user of an existing merchant. */
export async function createUser(
  merchantId: string,
  role: 'owner' | 'marketer' | 'agent',
): Promise<{ userId: string; email: string; password: string }> {
  const email = `${role}-${randomUUID().slice(0, 8)}@users.test`;
  const password = `pw-${randomToken(9)}`;
  const { rows } = await testDb().query(
    `INSERT INTO users (merchant_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [merchantId, email, `${role} ${email}`, role, await hashPassword(password)],
  );
  return { userId: rows[0].id, email, password };
}
