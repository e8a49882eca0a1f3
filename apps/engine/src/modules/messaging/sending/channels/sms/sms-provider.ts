import type { SendFailure } from '../channel-sender';

/** One SMS to hand over. */
export interface OutgoingSms {
  /** E.164, e.g. +34612345678. */
  to: string;
  /** An alphanumeric sender id, or null for the provider account's default sender. */
  from: string | null;
  text: string;
  /** The message's Message-ID: sent as the idempotency key, so a resend of an `uncertain` one can be recognised. */
  messageId: string;
}

/** A way of handing SMS to a provider. */
export interface SmsProvider {
  /** Resolves with the provider's id of the accepted message (null if it gave none); rejects if not accepted. */
  send(sms: OutgoingSms): Promise<string | null>;
  /** Whether a rejection of `send` may have reached the provider, and whether trying again can help. */
  classify(error: unknown): SendFailure;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

/** A hand-over that failed, knowing which kind of failure it was. */
export class SmsProviderError extends Error {
  constructor(
    message: string,
    readonly failure: SendFailure,
  ) {
    super(message);
  }
}
