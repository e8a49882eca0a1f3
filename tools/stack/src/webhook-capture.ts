import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LogLine } from './log-lines';

/** One webhook request as the capture received it. */
export interface CapturedWebhook {
  id: string;
  receivedAt: Date;
  /** The path and query it was POSTed to, on the capture's origin. */
  url: string;
  /** Postino-Delivery: the message id, the same on every retry. */
  deliveryId: string | null;
  signature: string | null;
  /** Whether Postino-Signature is right for the body; null when the capture has no secret to check it with. */
  signatureValid: boolean | null;
  body: string;
  /** The status it answered. */
  answered: number;
}

export type CapturedWebhookStore = (webhook: CapturedWebhook) => Promise<void>;

export interface WebhookCaptureOptions {
  /** Defaults to a free port. */
  port?: number;
  store: CapturedWebhookStore;
  /** The signing secret of the merchant a payload names (`merchant.id`), to verify its signature with; null if unknown. */
  secretOf?: (merchantId: string) => Promise<string | null>;
  /** A status to answer instead of 200 (e.g. 503 for a receiver having a bad minute); the request is stored all the same. */
  answer?: (webhook: Omit<CapturedWebhook, 'answered'>) => number | undefined;
  log?: LogLine;
}

export interface RunningWebhookCapture {
  /** `http://127.0.0.1:<port>/hooks`: a URL to give a webhook node (any path of the origin is captured). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Checks `t=<unix>,v1=<hex>` as a receiver should: the HMAC-SHA256 of "<t>.<body>" under the secret, compared
 * in constant time. (A receiver also refuses a `t` older than a few minutes; the capture does not, since tests
 * move the engine's clock.)
 */
export function verifyWebhookSignature(secret: string, header: string | null, body: string): boolean {
  const parts = new Map((header ?? '').split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = parts.get('t');
  const v1 = parts.get('v1');
  if (!t || !/^\d+$/.test(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}

function merchantIdOf(body: string): string | null {
  try {
    const id = (JSON.parse(body) as { merchant?: { id?: unknown } }).merchant?.id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

const header = (value: string | string[] | undefined) => (typeof value === 'string' ? value : null);

/**
 * A local webhook receiver for `npm start`, the tests and the crash harness: every POST to any path is stored
 * with its delivery id and signature (verified when `secretOf` knows the merchant's secret) and answered 200 —
 * duplicates included, since a retry with the same delivery id is what tests look for.
 */
export async function startWebhookCapture({ port = 0, store, secretOf, answer, log = () => {} }: WebhookCaptureOptions): Promise<RunningWebhookCapture> {
  const server = createServer((request, response) => {
    const reply = (res: ServerResponse, status: number, text: string) => res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
    const accept = async () => {
      if (request.method !== 'POST') return reply(response, 405, 'POST only');
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of request) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY_BYTES) return reply(response, 413, 'too large');
        chunks.push(chunk as Buffer);
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = header(request.headers['postino-signature']);
      const merchantId = merchantIdOf(body);
      const secret = merchantId && secretOf ? await secretOf(merchantId) : null;
      const received = {
        id: randomUUID(),
        receivedAt: new Date(),
        url: request.url ?? '/',
        deliveryId: header(request.headers['postino-delivery']),
        signature,
        signatureValid: secret ? verifyWebhookSignature(secret, signature, body) : null,
        body,
      };
      const status = answer?.(received) ?? 200;
      try {
        await store({ ...received, answered: status });
      } catch (error) {
        log(`could not store a webhook: ${(error as Error).message}`);
        return reply(response, 503, 'not stored');
      }
      log(`captured webhook ${received.url} (${received.signatureValid === null ? 'signature not checked' : received.signatureValid ? 'signed' : 'BAD SIGNATURE'})`);
      reply(response, status, status < 300 ? 'ok' : 'scripted');
    };
    accept().catch((error: unknown) => {
      if (!response.headersSent) reply(response, 500, (error as Error).message);
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const listeningPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${listeningPort}/hooks`,
    port: listeningPort,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
