import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyWebhookStatus, postWebhook, WebhookError } from './webhook-client';

/** A receiver answering every request with `status` (and a Location, to tempt a redirect). */
async function answering(status: number): Promise<{ url: string; server: Server; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.writeHead(status, { location: '/elsewhere' }).end('answer');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, hits };
}

const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as WebhookError);

describe('postWebhook', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('takes a 2xx, and does not follow a redirect', async () => {
    const ok = await answering(204);
    server = ok.server;
    await expect(postWebhook(`${ok.url}/in`, '{}', {}, true)).resolves.toBeUndefined();
    ok.server.close();
    const moved = await answering(302);
    server = moved.server;
    const error = await failureOf(postWebhook(`${moved.url}/in`, '{}', {}, true));
    expect(error).toMatchObject({ failure: 'permanent', message: 'the receiver answered 302: redirects are not followed' });
    expect(moved.hits).toEqual(['/in']);
  });

  it('retries what refuses for now and server errors, and gives up on other client errors', async () => {
    expect([408, 409, 425, 429, 500, 502, 503].map(classifyWebhookStatus)).toEqual(Array(7).fill('retry'));
    expect([400, 401, 404, 410, 422].map(classifyWebhookStatus)).toEqual(Array(5).fill('permanent'));
  });

  it('retries a receiver it could not connect to', async () => {
    const probe = await answering(200);
    const { port } = probe.server.address() as AddressInfo;
    await new Promise((resolve) => probe.server.close(resolve));
    expect(await failureOf(postWebhook(`http://127.0.0.1:${port}/in`, '{}', {}, true))).toMatchObject({ failure: 'retry' });
  });

  it('refuses plain http, private literals and names resolving to private addresses unless they are allowed', async () => {
    expect(await failureOf(postWebhook('http://example.com/in', '{}', {}, false))).toMatchObject({ failure: 'permanent', message: 'refused: webhooks are sent over https only' });
    expect(await failureOf(postWebhook('https://10.0.0.7/in', '{}', {}, false))).toMatchObject({ message: 'refused: 10.0.0.7 is a private address' });
    expect(await failureOf(postWebhook('https://[::1]/in', '{}', {}, false))).toMatchObject({ message: 'refused: ::1 is a private address' });
    expect(await failureOf(postWebhook('https://localhost:1/in', '{}', {}, false))).toMatchObject({
      failure: 'permanent',
      message: expect.stringMatching(/^refused: localhost resolves to /),
    });
  });
});
