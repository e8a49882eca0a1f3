import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UnsubscribeScope } from '@postino/api-contract';
import { DataSource, EntityManager } from 'typeorm';
import { cursorTimeSql, escapeLike, KeysetPosition } from '../../common/http/keyset-cursor';
import type { ConsentChange, Consents } from './consent';
import { CUSTOMER_COLUMNS, CustomerDbRow, CustomerRow, fromDb } from './customer';

/** Customers and their consents; every statement works on a whole batch and is scoped by merchant. */
@Injectable()
export class CustomerRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Serialises writers of the same customers (a webhook and an import of the same e-mail), including ones
   * that do not exist yet, so each decides from what the other committed. Key order: no deadlocks.
   */
  async lockEmails(manager: EntityManager, merchantId: string, emails: string[]): Promise<void> {
    if (emails.length === 0) return;
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended($1 || ':customer:' || k.email, 0))
         FROM unnest($2::text[]) AS k(email) ORDER BY k.email`,
      [merchantId, [...new Set(emails.map((e) => e.toLowerCase()))]],
    );
  }

  async findByEmails(manager: EntityManager, merchantId: string, emails: string[]): Promise<CustomerRow[]> {
    if (emails.length === 0) return [];
    const rows: CustomerDbRow[] = await manager.query(
      `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.merchant_id = $1 AND lower(c.email) = ANY($2::text[])`,
      [merchantId, emails.map((e) => e.toLowerCase())],
    );
    return rows.map(fromDb);
  }

  async findByIds(manager: EntityManager, merchantId: string, ids: string[]): Promise<CustomerRow[]> {
    if (ids.length === 0) return [];
    const rows: CustomerDbRow[] = await manager.query(
      `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.merchant_id = $1 AND c.id = ANY($2::uuid[])`,
      [merchantId, ids],
    );
    return rows.map(fromDb);
  }

  /** Inserts new customers and overwrites changed ones (by id): one statement. */
  async writeMany(manager: EntityManager, merchantId: string, rows: CustomerRow[]): Promise<void> {
    if (rows.length === 0) return;
    const col = <T>(pick: (r: CustomerRow) => T) => rows.map(pick);
    await manager.query(
      `INSERT INTO customers AS c (id, merchant_id, email, external_id, phone, phone_raw, name, first_name, locale, timezone,
              country, tags, transactional_consent, transactional_consent_source, transactional_consent_at,
              marketing_consent, marketing_consent_source, marketing_consent_at, created_at, updated_at)
       SELECT u.id, $1, u.email, u.external_id, u.phone, u.phone_raw, u.name, u.first_name, u.locale, u.timezone,
              u.country, ARRAY(SELECT jsonb_array_elements_text(u.tags)), u.t_state, u.t_source, u.t_at,
              u.m_state, u.m_source, u.m_at, u.created_at, u.updated_at
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::jsonb[], $13::text[], $14::text[], $15::timestamptz[], $16::text[],
                     $17::text[], $18::timestamptz[], $19::timestamptz[], $20::timestamptz[])
              AS u(id, email, external_id, phone, phone_raw, name, first_name, locale, timezone, country, tags,
                   t_state, t_source, t_at, m_state, m_source, m_at, created_at, updated_at)
       ON CONFLICT (id) DO UPDATE SET
         external_id = EXCLUDED.external_id, phone = EXCLUDED.phone, phone_raw = EXCLUDED.phone_raw,
         name = EXCLUDED.name, first_name = EXCLUDED.first_name, locale = EXCLUDED.locale, timezone = EXCLUDED.timezone,
         country = EXCLUDED.country, tags = EXCLUDED.tags,
         transactional_consent = EXCLUDED.transactional_consent,
         transactional_consent_source = EXCLUDED.transactional_consent_source,
         transactional_consent_at = EXCLUDED.transactional_consent_at,
         marketing_consent = EXCLUDED.marketing_consent, marketing_consent_source = EXCLUDED.marketing_consent_source,
         marketing_consent_at = EXCLUDED.marketing_consent_at, updated_at = EXCLUDED.updated_at
       WHERE c.merchant_id = $1`,
      [
        merchantId,
        col((r) => r.id),
        col((r) => r.email),
        col((r) => r.externalId),
        col((r) => r.phone),
        col((r) => r.phoneRaw),
        col((r) => r.name),
        col((r) => r.firstName),
        col((r) => r.locale),
        col((r) => r.timezone),
        col((r) => r.country),
        col((r) => JSON.stringify(r.tags)),
        col((r) => r.consents.transactional.state),
        col((r) => r.consents.transactional.source),
        col((r) => r.consents.transactional.at),
        col((r) => r.consents.marketing.state),
        col((r) => r.consents.marketing.source),
        col((r) => r.consents.marketing.at),
        col((r) => r.createdAt),
        col((r) => r.updatedAt),
      ],
    );
  }

  /** Appends to the consent history: one statement for a whole batch. */
  async recordConsentChanges(
    manager: EntityManager,
    merchantId: string,
    changes: { customerId: string; change: ConsentChange }[],
  ): Promise<void> {
    if (changes.length === 0) return;
    await manager.query(
      `INSERT INTO customer_consent_changes (merchant_id, customer_id, purpose, state, source, at)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])`,
      [
        merchantId,
        changes.map((c) => c.customerId),
        changes.map((c) => c.change.purpose),
        changes.map((c) => c.change.state),
        changes.map((c) => c.change.source),
        changes.map((c) => c.change.at),
      ],
    );
  }

  async findById(merchantId: string, id: string, manager: EntityManager = this.db.manager): Promise<CustomerRow | null> {
    const rows: CustomerDbRow[] = await manager.query(
      `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.merchant_id = $1 AND c.id = $2`,
      [merchantId, id],
    );
    return rows[0] ? fromDb(rows[0]) : null;
  }

  /** The customer, locked for the caller's transaction (a consent change or an erasure). */
  async lockById(manager: EntityManager, merchantId: string, id: string): Promise<CustomerRow | null> {
    const rows: CustomerDbRow[] = await manager.query(
      `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.merchant_id = $1 AND c.id = $2 FOR UPDATE`,
      [merchantId, id],
    );
    return rows[0] ? fromDb(rows[0]) : null;
  }

  async updateConsents(manager: EntityManager, merchantId: string, id: string, consents: Consents, now: Date): Promise<void> {
    const { transactional: t, marketing: m } = consents;
    await manager.query(
      `UPDATE customers SET transactional_consent = $3, transactional_consent_source = $4, transactional_consent_at = $5,
              marketing_consent = $6, marketing_consent_source = $7, marketing_consent_at = $8, updated_at = $9
        WHERE merchant_id = $1 AND id = $2`,
      [merchantId, id, t.state, t.source, t.at, m.state, m.source, m.at, now],
    );
  }

  async recordUnsubscribe(
    manager: EntityManager,
    merchantId: string,
    customerId: string,
    unsubscribe: { scope: UnsubscribeScope; source: string; at: Date },
  ): Promise<void> {
    await manager.query(`INSERT INTO unsubscribes (merchant_id, customer_id, scope, source, at) VALUES ($1, $2, $3, $4, $5)`, [
      merchantId,
      customerId,
      unsubscribe.scope,
      unsubscribe.source,
      unsubscribe.at,
    ]);
  }

  /** Newest first, keyset on (created_at, id); `q` matches part of the e-mail, name or phone. */
  async list(
    merchantId: string,
    filter: { q?: string; after?: KeysetPosition; limit: number },
  ): Promise<(CustomerRow & { cursorAt: string })[]> {
    const params: unknown[] = [merchantId];
    const where = ['c.merchant_id = $1'];
    if (filter.q) {
      const n = params.push(`%${escapeLike(filter.q)}%`);
      where.push(`(c.email ILIKE $${n} OR c.name ILIKE $${n} OR c.phone ILIKE $${n} OR c.phone_raw ILIKE $${n})`);
    }
    if (filter.after) {
      const at = params.push(filter.after.at);
      const id = params.push(filter.after.id);
      where.push(`(c.created_at, c.id) < ($${at}::timestamptz, $${id}::uuid)`);
    }
    const limit = params.push(filter.limit);
    const rows: (CustomerDbRow & { cursorAt: string })[] = await this.db.query(
      `SELECT ${CUSTOMER_COLUMNS}, ${cursorTimeSql('c.created_at')} AS "cursorAt"
         FROM customers c WHERE ${where.join(' AND ')}
        ORDER BY c.created_at DESC, c.id DESC LIMIT $${limit}`,
      params,
    );
    return rows.map((row) => ({ ...fromDb(row), cursorAt: row.cursorAt }));
  }

  async consentHistory(merchantId: string, customerId: string, manager: EntityManager = this.db.manager) {
    const rows: { purpose: 'transactional' | 'marketing'; state: 'granted' | 'denied'; source: string; at: Date }[] =
      await manager.query(
        `SELECT purpose, state, source, at FROM customer_consent_changes
          WHERE merchant_id = $1 AND customer_id = $2 ORDER BY id DESC`,
        [merchantId, customerId],
      );
    return rows;
  }

  async unsubscribes(merchantId: string, customerId: string, manager: EntityManager = this.db.manager) {
    const rows: { scope: UnsubscribeScope; source: string; at: Date }[] = await manager.query(
      `SELECT scope, source, at FROM unsubscribes WHERE merchant_id = $1 AND customer_id = $2 ORDER BY at DESC`,
      [merchantId, customerId],
    );
    return rows;
  }

  /**
   * Of these recipients — e-mail addresses or E.164 phone numbers, whatever the channel sends to — the ones
   * who withdrew transactional consent (or unsubscribed from everything), as `merchantId:address` (lower-cased):
   * asked by the send stage for a whole batch in one statement.
   */
  async withdrawnTransactional(keys: { merchantId: string; address: string }[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: { key: string }[] = await this.db.query(
      `SELECT DISTINCT k.merchant_id || ':' || k.address AS key
         FROM unnest($1::uuid[], $2::text[]) AS k(merchant_id, address)
         JOIN customers c ON c.merchant_id = k.merchant_id AND (lower(c.email) = k.address OR c.phone = k.address)
        WHERE c.transactional_consent = 'denied'`,
      [keys.map((k) => k.merchantId), keys.map((k) => k.address.toLowerCase())],
    );
    return new Set(rows.map((r) => r.key));
  }
}
