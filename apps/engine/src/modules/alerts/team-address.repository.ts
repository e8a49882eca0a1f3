import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The team address as set, else the e-mail of the shop's first owner (every shop has one). */
const EFFECTIVE = `coalesce(m.team_email,
  (SELECT u.email FROM users u WHERE u.merchant_id = m.id AND u.role = 'owner' ORDER BY u.created_at, u.id LIMIT 1))`;

/** Where a shop's alert e-mails go: `merchants.team_email`, else its first owner's e-mail. */
@Injectable()
export class TeamAddressRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(merchantId: string): Promise<{ teamEmail: string | null; effectiveTeamEmail: string | null }> {
    const rows = await this.db.query(
      `SELECT m.team_email AS "teamEmail", ${EFFECTIVE} AS "effectiveTeamEmail" FROM merchants m WHERE m.id = $1`,
      [merchantId],
    );
    return rows[0];
  }

  async put(merchantId: string, teamEmail: string | null): Promise<{ teamEmail: string | null; effectiveTeamEmail: string | null }> {
    await this.db.query(`UPDATE merchants SET team_email = $2 WHERE id = $1`, [merchantId, teamEmail?.toLowerCase() ?? null]);
    return this.get(merchantId);
  }

  /** The effective address of each merchant, in one statement (a batch of alert steps). */
  async effectiveMany(merchantIds: string[]): Promise<Map<string, string | null>> {
    if (merchantIds.length === 0) return new Map();
    const rows: { id: string; address: string | null }[] = await this.db.query(
      `SELECT m.id, ${EFFECTIVE} AS address FROM merchants m WHERE m.id = ANY($1::uuid[])`,
      [[...new Set(merchantIds)]],
    );
    return new Map(rows.map((row) => [row.id, row.address]));
  }
}
