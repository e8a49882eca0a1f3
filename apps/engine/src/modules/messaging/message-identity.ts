import { sha256 } from '../../common/auth/secrets';

/** The domain part of Message-IDs: the host of the sending address. */
function messageIdDomain(mailFrom: string): string {
  return /@([^>\s]+)/.exec(mailFrom)?.[1] ?? 'postino.local';
}

/**
 * A message is unique per (run, node, recipient); its Message-ID derives from that key, so every retry of
 * the same message (an `uncertain` resend included) carries the same one and receivers can de-duplicate.
 */
export function messageIdentity(
  input: { runId: string; nodeId: string; recipient: string },
  mailFrom: string,
): { idempotencyKey: string; messageId: string } {
  const idempotencyKey = `${input.runId}:${input.nodeId}:${input.recipient}`;
  return { idempotencyKey, messageId: `${sha256(idempotencyKey).slice(0, 40)}@${messageIdDomain(mailFrom)}` };
}
