import { HttpStatus, Injectable } from '@nestjs/common';
import type { CreateEmailTemplateRequest, PreviewEmailTemplateRequest, UpdateEmailTemplateRequest } from '@postino/api-contract';
import {
  compileEmailTemplate,
  DEFAULT_EMAIL_TEMPLATE,
  prepareEmailTemplate,
  RenderedEmail,
  renderEmail,
  SAMPLE_TEMPLATE_VARIABLES,
} from '@postino/templating';
import { ApiError } from '../../common/http/api-error';
import { MerchantRepository } from '../merchants/merchant.repository';
import {
  EmailTemplateDraft,
  EmailTemplateRepository,
  EmailTemplateSummary,
  EmailTemplateVersionContent,
  EmailTemplateVersionSummary,
  PublishedEmailTemplateVersion,
} from './email-template.repository';
import { templateInvalid } from './template-invalid.error';

export interface EmailTemplateDetail extends EmailTemplateDraft {
  /** The number of the latest published version, the one sends use. */
  publishedVersion: number | null;
  /** Newest first. */
  versions: EmailTemplateVersionSummary[];
}

@Injectable()
export class EmailTemplatesService {
  constructor(
    private readonly templates: EmailTemplateRepository,
    private readonly merchants: MerchantRepository,
  ) {}

  async create(merchantId: string, input: CreateEmailTemplateRequest): Promise<EmailTemplateDetail> {
    const draft = await this.templates.create(merchantId, {
      name: input.name,
      subject: input.subject ?? DEFAULT_EMAIL_TEMPLATE.subject,
      mjml: input.mjml ?? DEFAULT_EMAIL_TEMPLATE.mjml,
    });
    return { ...draft, publishedVersion: null, versions: [] };
  }

  list(merchantId: string): Promise<EmailTemplateSummary[]> {
    return this.templates.list(merchantId);
  }

  async get(merchantId: string, id: string): Promise<EmailTemplateDetail> {
    const draft = await this.templates.find(merchantId, id);
    if (!draft) throw ApiError.notFound('Email template');
    return this.withVersions(merchantId, draft);
  }

  async update(merchantId: string, id: string, patch: UpdateEmailTemplateRequest): Promise<EmailTemplateDetail> {
    const draft = await this.templates.update(merchantId, id, patch);
    if (!draft) throw ApiError.notFound('Email template');
    return this.withVersions(merchantId, draft);
  }

  /** Compiles the draft's MJML to HTML once, here, and freezes it as the next version. */
  async publish(merchantId: string, id: string): Promise<PublishedEmailTemplateVersion> {
    const published = await this.templates.publish(merchantId, id, (draft) => {
      const compiled = compileEmailTemplate({ subject: draft.subject, mjml: draft.mjml });
      if (!compiled.ok) throw templateInvalid(compiled.errors);
      return { subject: compiled.subject, mjml: draft.mjml, html: compiled.html };
    });
    if (!published) throw ApiError.notFound('Email template');
    return published;
  }

  /**
   * Renders the draft, or the unsaved subject/MJML sent by the editor, with sample data and the
   * merchant's own name. Reads only: nothing is stored.
   */
  async preview(merchantId: string, id: string, unsaved: PreviewEmailTemplateRequest): Promise<RenderedEmail> {
    const [draft, merchant] = await Promise.all([
      this.templates.find(merchantId, id),
      this.merchants.findById(merchantId),
    ]);
    if (!draft) throw ApiError.notFound('Email template');
    const compiled = compileEmailTemplate({ subject: unsaved.subject ?? draft.subject, mjml: unsaved.mjml ?? draft.mjml });
    if (!compiled.ok) throw templateInvalid(compiled.errors);
    const variables = {
      ...SAMPLE_TEMPLATE_VARIABLES,
      merchant: { name: merchant?.name ?? SAMPLE_TEMPLATE_VARIABLES.merchant.name },
    };
    try {
      return renderEmail(prepareEmailTemplate(compiled), variables);
    } catch (error) {
      // Parsing passed, so what is left are render-time limits (e.g. a loop that renders too long).
      const message = error instanceof Error ? error.message : String(error);
      throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'template_invalid', `The template cannot be rendered: ${message}`, [
        { field: 'mjml', line: null, message },
      ]);
    }
  }

  /** The content of published versions (immutable), for the render cache. */
  versionContents(keys: { merchantId: string; versionId: string }[]): Promise<EmailTemplateVersionContent[]> {
    return this.templates.contentsOf(keys);
  }

  /**
   * For each of `templateIds` that is a template of this merchant: whether it has a published version
   * (and so can be sent). Unknown ids and other merchants' templates are absent.
   */
  publicationStates(merchantId: string, templateIds: readonly string[]): Promise<Map<string, boolean>> {
    return this.templates.publicationStates(merchantId, templateIds);
  }

  private async withVersions(merchantId: string, draft: EmailTemplateDraft): Promise<EmailTemplateDetail> {
    const versions = await this.templates.versions(merchantId, draft.id);
    return { ...draft, publishedVersion: versions[0]?.version ?? null, versions };
  }
}
