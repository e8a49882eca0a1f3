import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { lockKeysInOrder } from './recipient-locks';

/** One recipient on one channel of one merchant; `recipientKey` is the sha256 of the lower-cased address. */
export interface CapKey {
  merchantId: string;
  channel: string;
  recipientKey: string;
}

export interface LedgerEntry extends CapKey {
  messageId: string;
  at: Date;
}

export const capKeyText = (k: CapKey) => `${k.merchantId}:${k.channel}:${k.recipientKey}`;

/** The messages that passed a frequency cap, counted under each recipient's lock. */
@Injectable()
export class FrequencyCapLedger {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * In one transaction: locks every recipient of `keys` (in one global order, so concurrent senders cannot
   * deadlock), reads their entries since `since`, lets `decide` choose which messages pass, and records those
   * before the locks are released — so two senders can never both pass the last slot. Three statements.
   */
  async decideLocked<T>(
    keys: CapKey[],
    since: Date,
    decide: (recent: LedgerEntry[]) => { record: LedgerEntry[]; result: T },
  ): Promise<T> {
    return this.db.transaction(async (manager) => {
      await lockKeysInOrder(manager, keys.map(capKeyText));
      const recent: LedgerEntry[] = await manager.query(
        `SELECT l.merchant_id AS "merchantId", l.channel, l.recipient_key AS "recipientKey", l.message_id AS "messageId", l.at
           FROM frequency_cap_ledger l
           JOIN unnest($1::uuid[], $2::text[], $3::text[]) AS k(merchant_id, channel, recipient_key)
             ON l.merchant_id = k.merchant_id AND l.channel = k.channel AND l.recipient_key = k.recipient_key
          WHERE l.at > $4`,
        [keys.map((k) => k.merchantId), keys.map((k) => k.channel), keys.map((k) => k.recipientKey), since],
      );
      const { record, result } = decide(recent);
      if (record.length > 0) {
        await manager.query(
          `INSERT INTO frequency_cap_ledger (message_id, merchant_id, channel, recipient_key, at)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[])
           ON CONFLICT (message_id) DO NOTHING`,
          [
            record.map((r) => r.messageId),
            record.map((r) => r.merchantId),
            record.map((r) => r.channel),
            record.map((r) => r.recipientKey),
            record.map((r) => r.at),
          ],
        );
      }
      return result;
    });
  }
}
