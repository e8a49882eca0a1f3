import { Inject, Injectable } from '@nestjs/common';
import type { WebhookSigningSecret, WebhookSigningStatus } from '@postino/api-contract';
import { randomBytes } from 'node:crypto';
import { SecretBox } from '../../common/auth/secret-box';
import { Clock } from '../clock/clock';
import { SigningSecretRow, WebhookSigningRepository } from './webhook-signing.repository';

export const WEBHOOK_SIGNING_BOX = Symbol('WEBHOOK_SIGNING_BOX');

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

function statusOf(row: SigningSecretRow | null): WebhookSigningStatus {
  return { configured: row !== null, createdAt: iso(row?.createdAt ?? null), rotatedAt: iso(row?.rotatedAt ?? null) };
}

/**
 * Each merchant's webhook signing secret: 256 random bits, sealed (the engine must read it back to sign),
 * bound to the merchant's id, shown only in the answer that creates or rotates it.
 */
@Injectable()
export class WebhookSigningService {
  constructor(
    private readonly secrets: WebhookSigningRepository,
    @Inject(WEBHOOK_SIGNING_BOX) private readonly box: SecretBox,
    private readonly clock: Clock,
  ) {}

  async status(merchantId: string): Promise<WebhookSigningStatus> {
    return statusOf(await this.secrets.get(merchantId));
  }

  async rotate(merchantId: string): Promise<WebhookSigningSecret> {
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const row = await this.secrets.put(merchantId, this.box.seal(secret, merchantId), this.clock.now());
    return { ...statusOf(row), secret };
  }

  /** The open secrets of these merchants (those that have one), for signing a batch. */
  async secretsOf(merchantIds: string[]): Promise<Map<string, string>> {
    const rows = await this.secrets.getMany(merchantIds);
    return new Map(rows.map((row) => [row.merchantId, this.box.open(row.secretSealed, row.merchantId)]));
  }
}
