import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../apps/engine/src/bootstrap';
import { sha256 } from '../../apps/engine/src/common/auth/secrets';
import { startTestEngine } from '../support/engine';
import {
  apiClient,
  ApiResponse,
  createMerchant,
  createUser,
  logIn,
  sessionClient,
  setCookies,
  StudioSession,
  TestMerchant,
  testDb,
} from '../support/fixtures';

describe('who may call the API', () => {
  let engine: RunningEngine;
  let merchant: TestMerchant;

  beforeAll(async () => {
    engine = await startTestEngine();
    merchant = await createMerchant();
  });

  afterAll(async () => {
    await engine?.close();
  });

  function postLogin(email: string, password: string) {
    return fetch(`${engine.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  }

  /** A call with the session cookie only, choosing the CSRF header (or none). */
  async function withCookie(session: StudioSession, method: string, path: string, csrfHeader?: string, body?: unknown) {
    const response = await fetch(`${engine.url}${path}`, {
      method,
      headers: {
        cookie: `postino_session=${encodeURIComponent(session.session)}; postino_csrf=${encodeURIComponent(session.csrf)}`,
        'content-type': 'application/json',
        ...(csrfHeader === undefined ? {} : { 'x-csrf-token': csrfHeader }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  }

  async function templatesNamed(name: string): Promise<number> {
    const { rows } = await testDb().query(`SELECT count(*)::int AS n FROM email_templates WHERE merchant_id = $1 AND name = $2`, [
      merchant.merchantId,
      name,
    ]);
    return rows[0].n;
  }

  describe('studio login', () => {
    it('refuses a wrong password and an unknown e-mail alike, with 401', async () => {
      const wrongPassword = await postLogin(merchant.email, `${merchant.password}x`);
      const unknownEmail = await postLogin(`nobody-${merchant.slug}@example.com`, merchant.password);
      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.status).toBe(401);
      const [a, b] = [await wrongPassword.json(), await unknownEmail.json()];
      expect(a).toEqual(b);
      expect(a).toMatchObject({ error: expect.any(String), message: expect.any(String), details: null });
      expect(wrongPassword.headers.getSetCookie()).toEqual([]);
    });

    it('stops password guessing on one account after 10 failures, and tells for how long', async () => {
      const target = await createMerchant();
      for (let i = 0; i < 10; i++) expect((await postLogin(target.email, `guess-${i}`)).status).toBe(401);
      const blocked = await postLogin(target.email, target.password);
      expect(blocked.status).toBe(429);
      const body = await blocked.json();
      expect(body).toMatchObject({ error: 'too_many_requests', message: expect.stringMatching(/try again in 15 minutes/) });
      expect(body.details.retryAfterSeconds).toBeGreaterThan(800);
      // Other accounts are not affected.
      expect((await postLogin(merchant.email, merchant.password)).status).toBe(200);
    });

    it('cannot be raced: of 30 concurrent wrong passwords for one account, at most 10 get 401, the rest 429', async () => {
      const target = await createMerchant();
      const statuses = (await Promise.all(Array.from({ length: 30 }, (_, i) => postLogin(target.email, `race-${i}`)))).map(
        (response) => response.status,
      );
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(10);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(20);
      expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
      expect((await postLogin(target.email, target.password)).status).toBe(429);
    });

    it('sets an httpOnly session cookie and a script-readable CSRF cookie', async () => {
      const response = await postLogin(merchant.email.toUpperCase(), merchant.password);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.user).toMatchObject({ email: merchant.email, role: 'owner' });
      expect(JSON.stringify(body)).not.toMatch(/passwordHash|scrypt/);
      const cookies = setCookies(response.headers);
      const session = cookies.get('postino_session');
      const csrf = cookies.get('postino_csrf');
      expect(session?.value).toMatch(/^[\w-]{40,}$/);
      expect(session?.attributes).toContain('HttpOnly');
      expect(session?.attributes).toContain('SameSite=Lax');
      expect(session?.attributes).toContain('Path=/');
      expect(csrf?.value).toMatch(/^[\w-]{40,}$/);
      expect(csrf?.attributes).not.toContain('HttpOnly');
      expect(csrf?.value).not.toBe(session?.value);
    });

    it('knows who is logged in', async () => {
      const me = await sessionClient(engine.url, await logIn(engine.url, merchant.email, merchant.password))('GET', '/api/v1/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.user).toMatchObject({ email: merchant.email, role: 'owner' });
      expect(me.body.merchant).toMatchObject({ id: merchant.merchantId, slug: merchant.slug });
      expect(JSON.stringify(me.body)).not.toMatch(/passwordHash|scrypt/);
    });

    it('needs the right X-CSRF-Token on a session POST', async () => {
      const session = await logIn(engine.url, merchant.email, merchant.password);
      const missing = await withCookie(session, 'POST', '/api/v1/email-templates', undefined, { name: 'csrf-missing' });
      expect(missing.status).toBe(403);
      expect(missing.body.message).toContain('X-CSRF-Token');
      const wrong = await withCookie(session, 'POST', '/api/v1/email-templates', `${session.csrf}x`, { name: 'csrf-wrong' });
      expect(wrong.status).toBe(403);
      // Another session's token is just as wrong: the token is bound to its session.
      const other = await logIn(engine.url, merchant.email, merchant.password);
      const foreign = await withCookie(session, 'POST', '/api/v1/email-templates', other.csrf, { name: 'csrf-foreign' });
      expect(foreign.status).toBe(403);
      expect(await templatesNamed('csrf-missing')).toBe(0);
      expect(await templatesNamed('csrf-wrong')).toBe(0);
      expect(await templatesNamed('csrf-foreign')).toBe(0);

      const right = await withCookie(session, 'POST', '/api/v1/email-templates', session.csrf, { name: 'csrf-right' });
      expect(right.status).toBe(201);
      expect(await templatesNamed('csrf-right')).toBe(1);
      // Reads need no token.
      expect((await withCookie(session, 'GET', '/api/v1/email-templates')).status).toBe(200);
    });

    it('ends the session on logout', async () => {
      const session = await logIn(engine.url, merchant.email, merchant.password);
      const call = sessionClient(engine.url, session);
      expect((await call('GET', '/api/v1/auth/me')).status).toBe(200);
      const logout = await call('POST', '/api/v1/auth/logout');
      expect(logout.status).toBe(204);
      const cleared = setCookies(logout.headers);
      expect(cleared.get('postino_session')?.value).toBe('');
      expect(cleared.get('postino_csrf')?.value).toBe('');
      // The old cookie is dead on the server, not merely forgotten by the browser.
      const after = await call('GET', '/api/v1/auth/me');
      expect(after.status).toBe(401);
      expect(after.body).toMatchObject({ error: 'unauthorized', details: null });
    });

    it('refuses an expired session', async () => {
      const session = await logIn(engine.url, merchant.email, merchant.password);
      await testDb().query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
        sha256(session.session),
      ]);
      expect((await sessionClient(engine.url, session)('GET', '/api/v1/auth/me')).status).toBe(401);
    });

    it('keeps passwords and session tokens only as hashes', async () => {
      const session = await logIn(engine.url, merchant.email, merchant.password);
      const users = await testDb().query(`SELECT * FROM users WHERE merchant_id = $1`, [merchant.merchantId]);
      expect(JSON.stringify(users.rows)).not.toContain(merchant.password);
      const owner = users.rows.find((u) => u.email === merchant.email);
      expect(owner.password_hash).toMatch(/^scrypt\$/);
      const sessions = await testDb().query(`SELECT * FROM sessions WHERE merchant_id = $1`, [merchant.merchantId]);
      expect(sessions.rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(sessions.rows)).not.toContain(session.session);
      expect(JSON.stringify(sessions.rows)).not.toContain(merchant.password);

      // The check runs against the hash: a password column holding the plain password does not log in.
      const plain = await createUser(merchant.merchantId, 'agent');
      await testDb().query(`UPDATE users SET password_hash = $1 WHERE id = $2`, [plain.password, plain.userId]);
      expect((await postLogin(plain.email, plain.password)).status).toBe(401);
    });
  });

  describe('API keys', () => {
    it('lets an owner mint a key that is shown once, then works, then dies when revoked', async () => {
      const owner = sessionClient(engine.url, await logIn(engine.url, merchant.email, merchant.password));
      const created = await owner('POST', '/api/v1/api-keys', { name: 'Shopify sync' });
      expect(created.status).toBe(201);
      const key: string = created.body.key;
      expect(key).toMatch(/^pst_[\w-]{30,}$/);
      expect(key.startsWith(created.body.prefix)).toBe(true);

      const listed = await owner('GET', '/api/v1/api-keys');
      expect(listed.status).toBe(200);
      const entry = listed.body.find((k: { id: string }) => k.id === created.body.id);
      expect(entry).toMatchObject({ name: 'Shopify sync', prefix: created.body.prefix, revokedAt: null });
      expect(JSON.stringify(listed.body)).not.toContain(key);
      expect(entry).not.toHaveProperty('key');
      const { rows } = await testDb().query(`SELECT * FROM api_keys WHERE id = $1`, [created.body.id]);
      expect(JSON.stringify(rows[0])).not.toContain(key);

      const withKey = apiClient(engine.url, key);
      expect((await withKey('GET', '/api/v1/shipments')).status).toBe(200);

      expect((await owner('DELETE', `/api/v1/api-keys/${created.body.id}`)).status).toBe(204);
      const revoked = await withKey('GET', '/api/v1/shipments');
      expect(revoked.status).toBe(401);
      expect(revoked.body).toMatchObject({ error: 'unauthorized', details: null });
      const relisted = await owner('GET', '/api/v1/api-keys');
      expect(relisted.body.find((k: { id: string }) => k.id === created.body.id).revokedAt).not.toBeNull();
      // The merchant's other keys keep working.
      expect((await apiClient(engine.url, merchant.apiKey)('GET', '/api/v1/shipments')).status).toBe(200);
    });

    it('refuses key management to a marketer', async () => {
      const marketer = await createUser(merchant.merchantId, 'marketer');
      const call = sessionClient(engine.url, await logIn(engine.url, marketer.email, marketer.password));
      expect((await call('GET', '/api/v1/auth/me')).body.user.role).toBe('marketer');
      expect((await call('GET', '/api/v1/api-keys')).status).toBe(403);
      const create = await call('POST', '/api/v1/api-keys', { name: 'sneaky' });
      expect(create.status).toBe(403);
      expect(create.body).toMatchObject({ error: 'forbidden', details: null });
      // …while the rest of the studio works for them.
      expect((await call('GET', '/api/v1/email-templates')).status).toBe(200);
    });

    it('does not let an API key manage keys', async () => {
      const api = apiClient(engine.url, merchant.apiKey);
      const { rows } = await testDb().query(`SELECT id FROM api_keys WHERE merchant_id = $1 LIMIT 1`, [merchant.merchantId]);
      const attempts: ApiResponse[] = [
        await api('GET', '/api/v1/api-keys'),
        await api('POST', '/api/v1/api-keys', { name: 'minted by a key' }),
        await api('DELETE', `/api/v1/api-keys/${rows[0].id}`),
      ];
      expect(attempts.map((r) => r.status)).toEqual([403, 403, 403]);
      const names = await testDb().query(`SELECT name FROM api_keys WHERE merchant_id = $1`, [merchant.merchantId]);
      expect(names.rows.map((r) => r.name)).not.toContain('minted by a key');
    });
  });

  describe('without valid credentials', () => {
    it.each([
      ['no credentials at all', {}],
      ['an unknown API key', { authorization: 'Bearer pst_this-key-does-not-exist-anywhere-at-all' }],
      ['something that is not an API key', { authorization: 'Bearer hunter2' }],
      ['another auth scheme', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
      ['a made-up session cookie', { cookie: 'postino_session=forged; postino_csrf=forged' }],
    ])('answers 401 to %s', async (_, headers: Record<string, string>) => {
      for (const [method, path] of [
        ['GET', '/api/v1/shipments'],
        ['POST', '/api/v1/tracking-events'],
        ['GET', '/api/v1/auth/me'],
        ['GET', '/api/v1/api-keys'],
      ]) {
        const response = await fetch(`${engine.url}${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...headers },
          body: method === 'POST' ? JSON.stringify({ events: [] }) : undefined,
        });
        expect(response.status, `${method} ${path}`).toBe(401);
        expect(await response.json()).toMatchObject({ error: 'unauthorized', message: expect.any(String), details: null });
      }
    });
  });
});
