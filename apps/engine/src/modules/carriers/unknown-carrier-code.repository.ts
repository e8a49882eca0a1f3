import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface UnknownCarrierCode {
  carrier: string;
  code: string;
  occurrences: number;
  lastDescription: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

@Injectable()
export class UnknownCarrierCodeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(merchantId: string): Promise<UnknownCarrierCode[]> {
    return this.db.query(
      `SELECT carrier, code, occurrences::int AS occurrences, last_description AS "lastDescription",
              first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt"
         FROM unknown_carrier_codes WHERE merchant_id = $1
        ORDER BY occurrences DESC, carrier, code LIMIT 500`,
      [merchantId],
    );
  }
}
