import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const SCHEME = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Secrets Postino must read back (a shop's webhook signing key), encrypted at rest with AES-256-GCM under a key
 * derived from APP_SECRET by HKDF-SHA256 for one purpose, so a database dump alone reveals none of them and the
 * key of one purpose opens nothing of another. Each value is bound to its context (e.g. the row's id) as
 * additional authenticated data: a ciphertext copied to another row does not decrypt.
 *
 * Stored as `v1.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(appSecret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', appSecret, 'postino-secret-box', purpose, 32));
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [SCHEME, ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'))].join('.');
  }

  /** Throws when the value was not sealed by this box for this context (another APP_SECRET, row or purpose) or was altered. */
  open(sealed: string, context: string): string {
    const [scheme, iv, tag, ciphertext, ...rest] = sealed.split('.');
    if (scheme !== SCHEME || ciphertext === undefined || rest.length > 0) throw new Error('SecretBox: not a sealed value');
    const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}
