import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A template as listed: the draft's name, subject and revision, and the number of its published version. */
export interface EmailTemplateSummary {
  id: string;
  name: string;
  subject: string;
  revision: number;
  publishedVersionId: string | null;
  publishedVersion: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The editable draft of a template. */
export interface EmailTemplateDraft extends EmailTemplateSummary {
  mjml: string;
}

/** What a send needs: the HTML compiled once at publish, and the subject, both still holding Liquid. */
export interface EmailTemplateVersionContent {
  id: string;
  version: number;
  subject: string;
  html: string;
}

const SUMMARY_COLUMNS = `t.id, t.name, t.subject, t.revision, t.published_version_id AS "publishedVersionId",
  v.version AS "publishedVersion", t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;
const JOIN_PUBLISHED_VERSION = `LEFT JOIN email_template_versions v ON v.merchant_id = t.merchant_id AND v.id = t.published_version_id`;

/**
 * Templates as rows: creation, reads, and the content sends render. Drafts and versions change through the
 * shared lifecycle (modules/publishing).
 */
@Injectable()
export class EmailTemplateRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(merchantId: string, input: { name: string; subject: string; mjml: string }): Promise<EmailTemplateDraft> {
    const rows = await this.db.query(
      `WITH t AS (INSERT INTO email_templates (merchant_id, name, subject, mjml) VALUES ($1, $2, $3, $4) RETURNING *)
       SELECT ${SUMMARY_COLUMNS}, t.mjml FROM t ${JOIN_PUBLISHED_VERSION}`,
      [merchantId, input.name, input.subject, input.mjml],
    );
    return rows[0];
  }

  list(merchantId: string): Promise<EmailTemplateSummary[]> {
    return this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM email_templates t ${JOIN_PUBLISHED_VERSION}
        WHERE t.merchant_id = $1
        ORDER BY t.created_at DESC, t.id DESC`,
      [merchantId],
    );
  }

  async find(merchantId: string, id: string): Promise<EmailTemplateDraft | null> {
    const rows = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS}, t.mjml FROM email_templates t ${JOIN_PUBLISHED_VERSION} WHERE t.merchant_id = $1 AND t.id = $2`,
      [merchantId, id],
    );
    return rows[0] ?? null;
  }

  /** Versions are immutable: what the render cache loads once by id. */
  contentsOf(keys: { merchantId: string; versionId: string }[]): Promise<EmailTemplateVersionContent[]> {
    return this.db.query(
      `SELECT v.id, v.version, v.subject, v.html
         FROM email_template_versions v
         JOIN unnest($1::uuid[], $2::uuid[]) AS k(merchant_id, id) ON v.merchant_id = k.merchant_id AND v.id = k.id`,
      [keys.map((k) => k.merchantId), keys.map((k) => k.versionId)],
    );
  }
}
