import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { smsSegments, type SmsEncoding } from '@postino/templating-sms';
import type { LogLine } from './log-lines';

/** One SMS as the capture received it, with the segments and encoding a network would send it in. */
export interface CapturedSms {
  /** The id the capture answered with, as a provider's message id. */
  id: string;
  to: string;
  from: string | null;
  text: string;
  segments: number;
  encoding: SmsEncoding;
  /** The request's Idempotency-Key (Postino sends the message's Message-ID), else its `reference`. */
  messageId: string | null;
  receivedAt: Date;
}

export type CapturedSmsStore = (sms: CapturedSms) => Promise<void>;

/** An answer a test plays instead of accepting, e.g. `{ status: 503 }` for a provider having a bad minute. */
export interface SmsCaptureAnswer {
  status: number;
  body?: unknown;
}

export interface SmsCaptureOptions {
  /** Defaults to a free port. */
  port?: number;
  /** Called once per accepted SMS; if it rejects, the sender gets a 503. */
  store: CapturedSmsStore;
  /** Asked first for each valid request: an answer is sent instead of accepting it, and nothing is stored. */
  answer?: (sms: CapturedSms) => SmsCaptureAnswer | undefined;
  log?: LogLine;
}

export interface RunningSmsCapture {
  /** `http://127.0.0.1:<port>/v1/messages`: the SMS_URL to give the engine. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export const SMS_CAPTURE_PATH = '/v1/messages';
const MAX_BODY_BYTES = 64 * 1024;
/** What the common providers take in one request (Twilio: 1,600 characters). */
const MAX_TEXT_CHARACTERS = 1_600;
const E164 = /^\+[1-9]\d{6,14}$/;

class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    throw new RequestError(415, 'unsupported_media_type', 'send the message as application/json');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RequestError(413, 'too_large', `the body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new RequestError(400, 'invalid_json', 'the body must be a JSON object');
}

/** The request as an SMS, or the 400 a provider would answer. */
function smsOf(body: Record<string, unknown>, idempotencyKey: string | undefined): CapturedSms {
  const { to, from, text, reference } = body;
  if (typeof to !== 'string' || !E164.test(to)) throw new RequestError(400, 'invalid_to', '"to" must be a phone number in E.164, e.g. +34612345678');
  if (typeof text !== 'string' || text.length === 0) throw new RequestError(400, 'invalid_text', '"text" must be a non-empty string');
  if ([...text].length > MAX_TEXT_CHARACTERS) throw new RequestError(400, 'invalid_text', `"text" may hold at most ${MAX_TEXT_CHARACTERS} characters`);
  if (from !== undefined && from !== null && typeof from !== 'string') throw new RequestError(400, 'invalid_from', '"from" must be a string');
  const { segments, encoding } = smsSegments(text);
  return {
    id: randomUUID(),
    to,
    from: typeof from === 'string' ? from : null,
    text,
    segments,
    encoding,
    messageId: idempotencyKey ?? (typeof reference === 'string' ? reference : null),
    receivedAt: new Date(),
  };
}

/**
 * A local SMS provider speaking Postino's HTTP SMS API (see HttpSmsProvider in the engine): `POST /v1/messages`
 * with a JSON `{ to, from, text, reference }`, any credentials, answered `201 { id, status, segments, encoding }`
 * or a 4xx naming the problem. Every accepted request is stored — duplicates included, since a resend with the
 * same Idempotency-Key is exactly what tests look for (a real provider would answer it with the first answer).
 */
export async function startSmsCapture({ port = 0, store, answer, log = () => {} }: SmsCaptureOptions): Promise<RunningSmsCapture> {
  const server = createServer((request, response) => {
    const accept = async () => {
      if (request.method !== 'POST' || request.url?.split('?')[0] !== SMS_CAPTURE_PATH) {
        throw new RequestError(404, 'not_found', `POST ${SMS_CAPTURE_PATH} is the only endpoint`);
      }
      const key = request.headers['idempotency-key'];
      const sms = smsOf(await readJson(request), typeof key === 'string' ? key : undefined);
      const answered = answer?.(sms);
      if (answered) return reply(response, answered.status, answered.body ?? { error: 'scripted', message: `answered ${answered.status}` });
      try {
        await store(sms);
      } catch (error) {
        log(`could not store an SMS: ${(error as Error).message}`);
        throw new RequestError(503, 'unavailable', `SMS not stored: ${(error as Error).message}`);
      }
      log(`captured SMS to ${sms.to} (${sms.segments} × ${sms.encoding})`);
      reply(response, 201, { id: sms.id, status: 'accepted', segments: sms.segments, encoding: sms.encoding });
    };
    accept().catch((error: unknown) => {
      const known = error instanceof RequestError ? error : new RequestError(500, 'internal', (error as Error).message);
      if (!response.headersSent) reply(response, known.status, { error: known.code, message: known.message });
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
    url: `http://127.0.0.1:${listeningPort}${SMS_CAPTURE_PATH}`,
    port: listeningPort,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
