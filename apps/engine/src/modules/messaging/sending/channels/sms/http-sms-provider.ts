import { Inject, Injectable } from '@nestjs/common';
import { ENGINE_CONFIG, EngineConfig } from '../../../../../config/engine-config';
import type { SendFailure } from '../channel-sender';
import { OutgoingSms, SmsProvider, SmsProviderError } from './sms-provider';

/** Well inside the message lease (30 s): a stuck provider fails the hand-over before the lease expires. */
export const SMS_REQUEST_TIMEOUT_MS = 15_000;

/** Failures before the request reached the provider: sending again cannot make a duplicate. */
const NOT_CONNECTED_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * What an answer's status says: 408, 409 (the same idempotency key in flight), 425, 429 and 503 refuse for
 * now; 401 and 403 are credentials an operator can fix (as SMTP's EAUTH is retried); any other 5xx may come
 * after the provider took the message, so a resend (same idempotency key) is `uncertain`; other 4xx will not
 * change by sending the same request again.
 */
export function classifyProviderStatus(status: number): SendFailure {
  if ([401, 403, 408, 409, 425, 429, 503].includes(status)) return 'retry';
  if (status >= 500) return 'uncertain';
  return 'permanent';
}

/** What a failed fetch says: never connected (retry), or cut off or timed out once the request may be sent. */
export function classifyNetworkError(error: unknown): SendFailure {
  const code = (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === 'string' && NOT_CONNECTED_CODES.has(code) ? 'retry' : 'uncertain';
}

/** The endpoint without its user info, and the Authorization header the user info stands for. */
export function providerEndpoint(smsUrl: string): { url: string; authorization: string | null } {
  const url = new URL(smsUrl);
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  const authorization = !user
    ? null
    : password
      ? `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
      : `Bearer ${user}`;
  return { url: url.toString(), authorization };
}

const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/**
 * An SMS provider over HTTP, in the style of the common SMS APIs (Vonage's Messages API, MessageBird, Twilio):
 *
 *   POST SMS_URL                     e.g. https://ACCOUNT:KEY@sms.example.com/v1/messages
 *   Authorization: Basic ACCOUNT:KEY (base64; a user without password is sent as `Bearer KEY`)
 *   Idempotency-Key: <Message-ID>    the same on every resend of the message
 *   Content-Type: application/json
 *   { "to": "+34612345678", "from": "Northwind", "text": "…", "reference": "<Message-ID>" }
 *   → 2xx { "id": "<provider message id>", … }      4xx/5xx { "error": "…", "message": "…" }
 *
 * Connections are kept alive and reused (Node's fetch pools them per origin). Without SMS_URL every send
 * fails at once, saying so.
 */
@Injectable()
export class HttpSmsProvider implements SmsProvider {
  private readonly endpoint: { url: string; authorization: string | null } | null;

  constructor(@Inject(ENGINE_CONFIG) config: EngineConfig) {
    this.endpoint = config.SMS_URL ? providerEndpoint(config.SMS_URL) : null;
  }

  async send(sms: OutgoingSms): Promise<string | null> {
    if (!this.endpoint) throw new SmsProviderError('no SMS provider is configured: set SMS_URL', 'permanent');
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': sms.messageId };
    if (this.endpoint.authorization) headers.authorization = this.endpoint.authorization;
    let response: Response;
    let body: string;
    try {
      response = await fetch(this.endpoint.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ to: sms.to, ...(sms.from ? { from: sms.from } : {}), text: sms.text, reference: sms.messageId }),
        signal: AbortSignal.timeout(SMS_REQUEST_TIMEOUT_MS),
      });
      body = await response.text();
    } catch (error) {
      if ((error as Error)?.name === 'TimeoutError') {
        throw new SmsProviderError(`the SMS provider gave no answer within ${SMS_REQUEST_TIMEOUT_MS / 1000} s`, 'uncertain');
      }
      const cause = (error as { cause?: Error }).cause;
      throw new SmsProviderError(`the SMS provider could not be reached: ${cause?.message ?? (error as Error).message}`, classifyNetworkError(error));
    }
    if (!response.ok) {
      throw new SmsProviderError(`the SMS provider answered ${response.status}: ${excerpt(body)}`, classifyProviderStatus(response.status));
    }
    try {
      const id = (JSON.parse(body) as { id?: unknown }).id;
      return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
    } catch {
      // Accepted all the same: a 2xx is the provider's word, whatever its body.
      return null;
    }
  }

  classify(error: unknown): SendFailure {
    return error instanceof SmsProviderError ? error.failure : 'uncertain';
  }
}
