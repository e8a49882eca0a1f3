import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenants, users, sessions, API keys, idempotency keys and the local SMTP capture. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE merchants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('owner', 'marketer', 'agent')),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_unique ON users (lower(email))`);
    await q.query(`CREATE INDEX users_merchant ON users (merchant_id)`);
    await q.query(`
      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sessions_expiry ON sessions (expires_at)`);
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        name text NOT NULL,
        prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX api_keys_merchant ON api_keys (merchant_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (merchant_id, key)
      )`);
    // Filled by the local SMTP capture of `npm start` and the tests; it is what the studio's Outbox shows.
    await q.query(`
      CREATE TABLE captured_emails (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        received_at timestamptz NOT NULL DEFAULT now(),
        envelope_from text,
        envelope_to text[] NOT NULL DEFAULT '{}',
        message_id text,
        subject text,
        from_address text,
        to_address text,
        html text,
        text text,
        raw text NOT NULL
      )`);
    await q.query(`CREATE INDEX captured_emails_message_id ON captured_emails (message_id)`);
    await q.query(`CREATE INDEX captured_emails_received ON captured_emails (received_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['captured_emails', 'idempotency_keys', 'api_keys', 'sessions', 'users', 'merchants']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
