import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { SendFailure } from '../channel-sender';
import { isPublicAddress } from './address-policy';

/** Well inside the message lease (30 s): a stuck receiver fails the delivery before the lease expires. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** A delivery that failed, and whether sending it again can help. */
export class WebhookError extends Error {
  constructor(
    message: string,
    readonly failure: SendFailure,
  ) {
    super(message);
  }
}

/** Failures before the request reached the receiver: sending again cannot make a duplicate. */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID']);

/** 408, 409, 425, 429 and any 5xx: the receiver did not take it now, so it is sent again (same delivery id). */
export function classifyWebhookStatus(status: number): SendFailure {
  return [408, 409, 425, 429].includes(status) || status >= 500 ? 'retry' : 'permanent';
}

const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/**
 * Resolves the host and refuses it when any of its addresses is not public (a name that resolves to both a
 * public and a private address is refused too), then connects to the address checked — not to a second
 * resolution, which a rebinding DNS server could answer differently.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const refused = allowPrivate ? undefined : list.find((entry) => !isPublicAddress(entry.address));
      if (refused) return callback(new WebhookError(`refused: ${hostname} resolves to ${refused.address}, a private address`, 'permanent'), '', 0);
      if (options.all) return callback(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  };
}

/**
 * POSTs a webhook without following redirects, refusing private, loopback, link-local and metadata addresses
 * (and plain http) unless `allowPrivate`. Throws a WebhookError saying whether a retry may help.
 */
export async function postWebhook(
  target: string,
  body: string,
  headers: Record<string, string>,
  allowPrivate: boolean,
): Promise<void> {
  const url = new URL(target);
  if (url.protocol !== 'https:' && !allowPrivate) throw new WebhookError('refused: webhooks are sent over https only', 'permanent');
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) && !allowPrivate && !isPublicAddress(literal)) {
    throw new WebhookError(`refused: ${literal} is a private address`, 'permanent');
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const response = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(allowPrivate),
        timeout: WEBHOOK_TIMEOUT_MS,
      },
      (res: IncomingMessage) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < 1000) text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new WebhookError('the receiver did not answer within 10 s', 'uncertain')));
    request.on('error', (error: Error & { code?: string }) => {
      if (error instanceof WebhookError) return reject(error);
      const failure = error.code && NOT_CONNECTED_CODES.has(error.code) ? 'retry' : 'uncertain';
      reject(new WebhookError(`the receiver could not be reached: ${error.message}`, failure));
    });
    request.end(body);
  });
  if (response.status >= 200 && response.status < 300) return;
  if (response.status >= 300 && response.status < 400) {
    throw new WebhookError(`the receiver answered ${response.status}: redirects are not followed`, 'permanent');
  }
  throw new WebhookError(`the receiver answered ${response.status}: ${excerpt(response.text)}`, classifyWebhookStatus(response.status));
}
