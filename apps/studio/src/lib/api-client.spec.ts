import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { buildUrl, createApiClient } from './api-client';

interface RecordedCall {
  url: string;
  init: RequestInit;
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function clientAnswering(response: () => Response | Promise<Response>, cookies = '') {
  const calls: RecordedCall[] = [];
  const client = createApiClient({
    fetch: async (url, init) => {
      calls.push({ url, init });
      return response();
    },
    readCookies: () => cookies,
  });
  const headersOf = (index: number) => new Headers(calls[index].init.headers);
  return { client, calls, headersOf };
}

describe('buildUrl', () => {
  it('leaves out empty filters and encodes the rest', () => {
    expect(buildUrl('/api/v1/shipments', { status: 'delivered', carrier: '', q: 'a b&c', cursor: undefined })).toBe(
      '/api/v1/shipments?status=delivered&q=a+b%26c',
    );
  });

  it('returns the bare path when there is nothing to add', () => {
    expect(buildUrl('/api/v1/outbox', { q: null })).toBe('/api/v1/outbox');
  });
});

describe('createApiClient', () => {
  it('sends the CSRF cookie value as X-CSRF-Token on writes', async () => {
    const { client, headersOf } = clientAnswering(() => jsonResponse(201, { id: 'k1' }), 'a=1; postino_csrf=tok%3D1');

    await client.post('/api/v1/api-keys', { name: 'CI' });
    await client.delete('/api/v1/api-keys/k1');

    expect(headersOf(0).get('X-CSRF-Token')).toBe('tok=1');
    expect(headersOf(1).get('X-CSRF-Token')).toBe('tok=1');
  });

  it('does not send the CSRF header on reads', async () => {
    const { client, headersOf } = clientAnswering(() => jsonResponse(200, []), 'postino_csrf=tok');

    await client.get('/api/v1/carriers');

    expect(headersOf(0).has('X-CSRF-Token')).toBe(false);
  });

  it('sends JSON bodies with same-origin credentials', async () => {
    const { client, calls, headersOf } = clientAnswering(() => jsonResponse(200, { user: {} }));

    await client.post('/api/v1/auth/login', { email: 'a@b.c', password: 'pw' });

    expect(calls[0].init.method).toBe('POST');
    expect(calls[0].init.credentials).toBe('same-origin');
    expect(calls[0].init.body).toBe('{"email":"a@b.c","password":"pw"}');
    expect(headersOf(0).get('Content-Type')).toBe('application/json');
  });

  it('sends PATCH bodies as JSON with the CSRF header', async () => {
    const { client, calls, headersOf } = clientAnswering(() => jsonResponse(200, {}), 'postino_csrf=tok');

    await client.patch('/api/v1/customers/c1/consents', { marketing: { state: 'denied', source: 'studio' } });

    expect(calls[0].init.method).toBe('PATCH');
    expect(calls[0].init.body).toBe('{"marketing":{"state":"denied","source":"studio"}}');
    expect(headersOf(0).get('X-CSRF-Token')).toBe('tok');
  });

  it('streams a file as the request body with its own content type', async () => {
    const { client, calls, headersOf } = clientAnswering(() => jsonResponse(202, { id: 'i1' }), 'postino_csrf=tok');
    const file = new Blob(['number;total\n'], { type: 'text/csv' });

    await client.postFile('/api/v1/imports', file, { query: { kind: 'orders' } });

    expect(calls[0].url).toBe('/api/v1/imports?kind=orders');
    expect(calls[0].init.body).toBe(file);
    expect(headersOf(0).get('Content-Type')).toBe('text/csv');
    expect(headersOf(0).get('X-CSRF-Token')).toBe('tok');
  });

  it('returns the parsed JSON body on success', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, { items: [1, 2], nextCursor: null }));

    await expect(client.get('/api/v1/shipments')).resolves.toEqual({ items: [1, 2], nextCursor: null });
  });

  it('resolves to undefined on 204 No Content', async () => {
    const { client } = clientAnswering(() => new Response(null, { status: 204 }));

    await expect(client.post('/api/v1/auth/logout')).resolves.toBeUndefined();
  });

  it('throws an ApiError carrying the engine error body', async () => {
    const { client } = clientAnswering(() =>
      jsonResponse(400, { error: 'validation_failed', message: 'name is required', details: { field: 'name' } }),
    );

    const failure = await client.post('/api/v1/api-keys', {}).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'name is required',
      details: { field: 'name' },
    });
  });

  it('tells unauthorized listeners about a 401 and stops after unsubscribing', async () => {
    const { client } = clientAnswering(() => jsonResponse(401, { error: 'unauthorized', message: 'Log in' }));
    const listener = vi.fn();
    const unsubscribe = client.onUnauthorized(listener);

    await expect(client.get('/api/v1/auth/me')).rejects.toMatchObject({ status: 401 });
    unsubscribe();
    await expect(client.get('/api/v1/auth/me')).rejects.toMatchObject({ status: 401 });

    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('does not treat other failures as a lost session', async () => {
    const { client } = clientAnswering(() => jsonResponse(403, { error: 'forbidden', message: 'No' }));
    const listener = vi.fn();
    client.onUnauthorized(listener);

    await expect(client.get('/api/v1/api-keys')).rejects.toMatchObject({ status: 403 });
    expect(listener).not.toHaveBeenCalled();
  });

  it('turns a failed connection into a readable network error', async () => {
    const { client } = clientAnswering(() => Promise.reject(new TypeError('Failed to fetch')));

    await expect(client.get('/api/v1/outbox')).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
      message: 'Could not reach the Postino server. Check your connection.',
    });
  });

  it('lets an aborted request reject with the abort itself', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('Aborted', 'AbortError');
    const { client } = clientAnswering(() => Promise.reject(abort));

    await expect(client.get('/api/v1/outbox', { signal: controller.signal })).rejects.toBe(abort);
  });
});
