import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { bumpPublicationRevision } from '../merchants/publication-revision';

/** A template as listed: the draft's name and subject, and the number of its latest published version. */
export interface EmailTemplateSummary {
  id: string;
  name: string;
  subject: string;
  publishedVersion: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The editable draft of a template. */
export interface EmailTemplateDraft {
  id: string;
  name: string;
  subject: string;
  mjml: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface EmailTemplateVersionSummary {
  id: string;
  version: number;
  publishedAt: Date;
}

export interface PublishedEmailTemplateVersion extends EmailTemplateVersionSummary {
  templateId: string;
}

/** What a send needs: the HTML compiled once at publish, and the subject, both still holding Liquid. */
export interface EmailTemplateVersionContent {
  id: string;
  version: number;
  subject: string;
  html: string;
}

/** The content frozen into a new version. */
export interface EmailTemplateVersionSource {
  subject: string;
  mjml: string;
  html: string;
}

const DRAFT_COLUMNS = `id, name, subject, mjml, created_at AS "createdAt", updated_at AS "updatedAt"`;
const VERSION_COLUMNS = `id, version, published_at AS "publishedAt"`;

@Injectable()
export class EmailTemplateRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(merchantId: string, input: { name: string; subject: string; mjml: string }): Promise<EmailTemplateDraft> {
    const rows = await this.db.query(
      `INSERT INTO email_templates (merchant_id, name, subject, mjml) VALUES ($1, $2, $3, $4) RETURNING ${DRAFT_COLUMNS}`,
      [merchantId, input.name, input.subject, input.mjml],
    );
    return rows[0];
  }

  list(merchantId: string): Promise<EmailTemplateSummary[]> {
    return this.db.query(
      `SELECT t.id, t.name, t.subject, t.created_at AS "createdAt", t.updated_at AS "updatedAt",
              (SELECT max(v.version) FROM email_template_versions v
                WHERE v.merchant_id = t.merchant_id AND v.template_id = t.id) AS "publishedVersion"
         FROM email_templates t
        WHERE t.merchant_id = $1
        ORDER BY t.created_at DESC, t.id DESC`,
      [merchantId],
    );
  }

  async find(merchantId: string, id: string): Promise<EmailTemplateDraft | null> {
    const rows = await this.db.query(`SELECT ${DRAFT_COLUMNS} FROM email_templates WHERE merchant_id = $1 AND id = $2`, [
      merchantId,
      id,
    ]);
    return rows[0] ?? null;
  }

  /** Newest first. */
  versions(merchantId: string, templateId: string): Promise<EmailTemplateVersionSummary[]> {
    return this.db.query(
      `SELECT ${VERSION_COLUMNS} FROM email_template_versions
        WHERE merchant_id = $1 AND template_id = $2 ORDER BY version DESC`,
      [merchantId, templateId],
    );
  }

  /** Fields left undefined keep their value. Returns null when the template does not exist for this merchant. */
  async update(
    merchantId: string,
    id: string,
    patch: { name?: string; subject?: string; mjml?: string },
  ): Promise<EmailTemplateDraft | null> {
    const [rows] = await this.db.query(
      `UPDATE email_templates
          SET name = coalesce($3, name), subject = coalesce($4, subject), mjml = coalesce($5, mjml), updated_at = now()
        WHERE merchant_id = $1 AND id = $2
        RETURNING ${DRAFT_COLUMNS}`,
      [merchantId, id, patch.name ?? null, patch.subject ?? null, patch.mjml ?? null],
    );
    return rows[0] ?? null;
  }

  /**
   * Freezes the draft into the next version. The template row is locked while `build` turns the draft
   * into the version's content, so concurrent publishes get consecutive numbers and nobody edits the
   * draft in between; `build` may throw to refuse the publish. Returns null when the template does not
   * exist for this merchant.
   */
  async publish(
    merchantId: string,
    templateId: string,
    build: (draft: EmailTemplateDraft) => EmailTemplateVersionSource,
  ): Promise<PublishedEmailTemplateVersion | null> {
    return this.db.transaction(async (manager) => {
      const drafts: EmailTemplateDraft[] = await manager.query(
        `SELECT ${DRAFT_COLUMNS} FROM email_templates WHERE merchant_id = $1 AND id = $2 FOR UPDATE`,
        [merchantId, templateId],
      );
      if (drafts.length === 0) return null;
      const source = build(drafts[0]);
      const rows = await manager.query(
        `INSERT INTO email_template_versions (merchant_id, template_id, version, subject, mjml, html)
         SELECT $1::uuid, $2::uuid, coalesce(max(version), 0) + 1, $3::text, $4::text, $5::text
           FROM email_template_versions WHERE merchant_id = $1 AND template_id = $2
         RETURNING ${VERSION_COLUMNS}, template_id AS "templateId"`,
        [merchantId, templateId, source.subject, source.mjml, source.html],
      );
      await bumpPublicationRevision(manager, merchantId);
      return rows[0];
    });
  }

  /** The latest published version id of each (merchant, template), keyed `merchantId:templateId`; absent when none. */
  async latestVersionIdsOf(keys: { merchantId: string; templateId: string }[]): Promise<Map<string, string>> {
    const rows: { merchantId: string; templateId: string; id: string }[] = await this.db.query(
      `SELECT DISTINCT ON (v.merchant_id, v.template_id)
              v.merchant_id AS "merchantId", v.template_id AS "templateId", v.id
         FROM email_template_versions v
         JOIN unnest($1::uuid[], $2::uuid[]) AS k(merchant_id, template_id)
           ON v.merchant_id = k.merchant_id AND v.template_id = k.template_id
        ORDER BY v.merchant_id, v.template_id, v.version DESC`,
      [keys.map((k) => k.merchantId), keys.map((k) => k.templateId)],
    );
    return new Map(rows.map((row) => [`${row.merchantId}:${row.templateId}`, row.id]));
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

  /**
   * For each of `templateIds` that is a template of this merchant: whether it has a published version.
   * Ids of other merchants' templates, or of none, are absent.
   */
  async publicationStates(merchantId: string, templateIds: readonly string[]): Promise<Map<string, boolean>> {
    if (templateIds.length === 0) return new Map();
    const rows: { id: string; published: boolean }[] = await this.db.query(
      `SELECT t.id, EXISTS (SELECT 1 FROM email_template_versions v
                             WHERE v.merchant_id = t.merchant_id AND v.template_id = t.id) AS published
         FROM email_templates t
        WHERE t.merchant_id = $1 AND t.id = ANY($2::uuid[])`,
      [merchantId, [...templateIds]],
    );
    return new Map(rows.map((row) => [row.id, row.published]));
  }
}
