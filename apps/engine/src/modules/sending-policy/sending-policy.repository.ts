import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_SENDING_POLICY, type SendingPolicy } from '@postino/api-contract';
import { DataSource } from 'typeorm';

interface PolicyRow {
  merchantId: string;
  timezone: string;
  quietHours: SendingPolicy['quietHours'];
  frequencyCaps: SendingPolicy['frequencyCaps'];
}

const toPolicy = (row: PolicyRow): SendingPolicy => ({
  timezone: row.timezone,
  quietHours: row.quietHours,
  frequencyCaps: row.frequencyCaps,
});

@Injectable()
export class SendingPolicyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The policy of each merchant asked for (the defaults for one that never set it): one statement. */
  async getMany(merchantIds: string[]): Promise<Map<string, SendingPolicy>> {
    const unique = [...new Set(merchantIds)];
    const policies = new Map(unique.map((id) => [id, DEFAULT_SENDING_POLICY]));
    if (unique.length === 0) return policies;
    const rows: PolicyRow[] = await this.db.query(
      `SELECT merchant_id AS "merchantId", timezone, quiet_hours AS "quietHours", frequency_caps AS "frequencyCaps"
         FROM sending_policies WHERE merchant_id = ANY($1::uuid[])`,
      [unique],
    );
    for (const row of rows) policies.set(row.merchantId, toPolicy(row));
    return policies;
  }

  async get(merchantId: string): Promise<SendingPolicy> {
    return (await this.getMany([merchantId])).get(merchantId)!;
  }

  async put(merchantId: string, policy: SendingPolicy): Promise<SendingPolicy> {
    const [row]: PolicyRow[] = await this.db.query(
      `INSERT INTO sending_policies (merchant_id, timezone, quiet_hours, frequency_caps, updated_at)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, now())
       ON CONFLICT (merchant_id) DO UPDATE
         SET timezone = EXCLUDED.timezone, quiet_hours = EXCLUDED.quiet_hours,
             frequency_caps = EXCLUDED.frequency_caps, updated_at = now()
       RETURNING merchant_id AS "merchantId", timezone, quiet_hours AS "quietHours", frequency_caps AS "frequencyCaps"`,
      [merchantId, policy.timezone, JSON.stringify(policy.quietHours), JSON.stringify(policy.frequencyCaps)],
    );
    return toPolicy(row);
  }
}
