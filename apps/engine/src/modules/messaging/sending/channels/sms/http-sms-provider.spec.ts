import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineConfig } from '../../../../../config/engine-config';
import { classifyNetworkError, classifyProviderStatus, HttpSmsProvider, providerEndpoint } from './http-sms-provider';
import { SmsProviderError } from './sms-provider';

const SMS = { to: '+34612345678', from: 'Northwind', text: 'Tu pedido está en camino', messageId: 'f00d@postino.local' };

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A provider that answers every request with `status` and `body`, keeping what it received. */
async function fakeProvider(status: number, body: string): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      received.push({ url: request.url ?? '', headers: request.headers, body: JSON.parse(text) });
      response.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

/** A port nothing listens on: one the OS just handed out and that was closed again. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const providerAt = (smsUrl: string | undefined) => new HttpSmsProvider({ SMS_URL: smsUrl } as EngineConfig);

describe('HttpSmsProvider', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.close();
    server = undefined;
  });

  it('posts the SMS as JSON with the credentials of the URL and the Message-ID as idempotency key, returning the provider id', async () => {
    const fake = await fakeProvider(201, '{"id":"SM123","status":"accepted"}');
    server = fake.server;
    const provider = providerAt(`${fake.url.replace('http://', 'http://AC12:s3cr%40t@')}/v1/messages?region=eu`);

    await expect(provider.send(SMS)).resolves.toBe('SM123');
    expect(fake.received).toHaveLength(1);
    const [request] = fake.received;
    expect(request.url).toBe('/v1/messages?region=eu');
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': 'f00d@postino.local',
      authorization: `Basic ${Buffer.from('AC12:s3cr@t').toString('base64')}`,
    });
    expect(request.body).toEqual({ to: '+34612345678', from: 'Northwind', text: 'Tu pedido está en camino', reference: 'f00d@postino.local' });
  });

  it('leaves out a missing sender, and takes any 2xx as accepted even without an id', async () => {
    const fake = await fakeProvider(202, 'queued');
    server = fake.server;
    await expect(providerAt(`${fake.url}/sms`).send({ ...SMS, from: null })).resolves.toBeNull();
    expect(fake.received[0].body).not.toHaveProperty('from');
    expect(fake.received[0].headers).not.toHaveProperty('authorization');
  });

  it.each([
    [400, 'permanent'],
    [422, 'permanent'],
    [404, 'permanent'],
    [401, 'retry'],
    [429, 'retry'],
    [503, 'retry'],
    [500, 'uncertain'],
    [502, 'uncertain'],
  ] as const)('turns a %i answer into a %s failure naming the status and the answer', async (status, failure) => {
    const fake = await fakeProvider(status, '{"error":"invalid_to","message":"not a mobile number"}');
    server = fake.server;
    const provider = providerAt(`${fake.url}/v1/messages`);
    const error = await provider.send(SMS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsProviderError);
    expect((error as Error).message).toBe(`the SMS provider answered ${status}: {"error":"invalid_to","message":"not a mobile number"}`);
    expect(provider.classify(error)).toBe(failure);
  });

  it('retries a provider it could not connect to: nothing reached it', async () => {
    const provider = providerAt(`http://127.0.0.1:${await closedPort()}/v1/messages`);
    const error = await provider.send(SMS).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^the SMS provider could not be reached: .*ECONNREFUSED/);
    expect(provider.classify(error)).toBe('retry');
  });

  it('fails at once, saying so, when no provider is configured', async () => {
    const provider = providerAt(undefined);
    const error = await provider.send(SMS).catch((e: unknown) => e);
    expect((error as Error).message).toBe('no SMS provider is configured: set SMS_URL');
    expect(provider.classify(error)).toBe('permanent');
  });

  it('calls anything else it did not throw itself uncertain', () => {
    expect(providerAt(undefined).classify(new Error('socket hang up'))).toBe('uncertain');
  });
});

describe('classifying failures', () => {
  it('retries what refuses for now, is uncertain about server errors, and gives up on other client errors', () => {
    expect([408, 409, 425, 429, 503, 401, 403].map(classifyProviderStatus)).toEqual(Array(7).fill('retry'));
    expect([500, 502, 504, 599].map(classifyProviderStatus)).toEqual(Array(4).fill('uncertain'));
    expect([400, 402, 404, 410, 413, 422].map(classifyProviderStatus)).toEqual(Array(6).fill('permanent'));
  });

  it('retries a request that never left, and is uncertain about one cut off once it may have arrived', () => {
    const fetchFailed = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
    expect(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'CERT_HAS_EXPIRED'].map((c) => classifyNetworkError(fetchFailed(c)))).toEqual(
      Array(5).fill('retry'),
    );
    expect(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].map((c) => classifyNetworkError(fetchFailed(c)))).toEqual(Array(3).fill('uncertain'));
    expect(classifyNetworkError(new Error('no cause'))).toBe('uncertain');
  });
});

describe('providerEndpoint', () => {
  it('moves the user info of SMS_URL into an Authorization header', () => {
    expect(providerEndpoint('https://AC12:key@sms.example.com/v1/messages')).toEqual({
      url: 'https://sms.example.com/v1/messages',
      authorization: `Basic ${Buffer.from('AC12:key').toString('base64')}`,
    });
    expect(providerEndpoint('https://live_k3y@sms.example.com/v1/messages')).toEqual({
      url: 'https://sms.example.com/v1/messages',
      authorization: 'Bearer live_k3y',
    });
    expect(providerEndpoint('http://127.0.0.1:4010/v1/messages')).toEqual({ url: 'http://127.0.0.1:4010/v1/messages', authorization: null });
  });
});
