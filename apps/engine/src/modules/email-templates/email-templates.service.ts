import { HttpStatus, Injectable } from '@nestjs/common';
import {
  CreateEmailTemplateRequest,
  EmailTemplateDetailView,
  EmailTemplateSummaryView,
  EmailTemplateVersionView,
  PinnedFlow,
  PreviewEmailTemplateRequest,
  PublishedEmailTemplateVersionView,
  RepublishFlowsResponse,
  SaveEmailTemplateDraftRequest,
  UpdateEmailTemplateRequest,
  VersionSummary,
} from '@postino/api-contract';
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
import { EMAIL_TEMPLATES } from '../publishing/publishable-kinds';
import { BuiltVersion, LockedDraft } from '../publishing/publishing.repository';
import { PublishingService } from '../publishing/publishing.service';
import { versionSummaryView } from '../publishing/version-view';
import { EmailTemplateRepository, EmailTemplateVersionContent } from './email-template.repository';
import { emailTemplateDetailView, emailTemplateSummaryView, pinnedFlowView } from './email-template-views';
import { templateInvalid } from './template-invalid.error';

/**
 * E-mail templates on the shared lifecycle (modules/publishing): what is theirs is that publishing compiles the
 * MJML to HTML once, and that flows pin the version they send — so a new version reaches a flow only when the
 * flow is republished (republishFlows moves them all in one call).
 */
@Injectable()
export class EmailTemplatesService {
  constructor(
    private readonly templates: EmailTemplateRepository,
    private readonly merchants: MerchantRepository,
    private readonly publishing: PublishingService,
  ) {}

  async create(merchantId: string, input: CreateEmailTemplateRequest): Promise<EmailTemplateDetailView> {
    const draft = await this.templates.create(merchantId, {
      name: input.name,
      subject: input.subject ?? DEFAULT_EMAIL_TEMPLATE.subject,
      mjml: input.mjml ?? DEFAULT_EMAIL_TEMPLATE.mjml,
    });
    return emailTemplateDetailView(draft, []);
  }

  async list(merchantId: string): Promise<EmailTemplateSummaryView[]> {
    return (await this.templates.list(merchantId)).map(emailTemplateSummaryView);
  }

  async get(merchantId: string, id: string): Promise<EmailTemplateDetailView> {
    const draft = await this.templates.find(merchantId, id);
    if (!draft) throw ApiError.notFound(EMAIL_TEMPLATES.label);
    return emailTemplateDetailView(draft, await this.publishing.versions(EMAIL_TEMPLATES, merchantId, id));
  }

  /** Edits the draft (only the fields given); conditional on `revision` when given. */
  async update(merchantId: string, id: string, patch: UpdateEmailTemplateRequest): Promise<EmailTemplateDetailView> {
    const content = Object.fromEntries(
      Object.entries({ subject: patch.subject, mjml: patch.mjml }).filter(([, value]) => value !== undefined),
    );
    await this.publishing.saveDraft(
      EMAIL_TEMPLATES,
      merchantId,
      id,
      { revision: patch.revision, content, metadata: patch.name === undefined ? {} : { name: patch.name } },
      () => this.get(merchantId, id),
    );
    return this.get(merchantId, id);
  }

  /** The editor's save: always conditional on the revision it edited. */
  saveDraft(merchantId: string, id: string, save: SaveEmailTemplateDraftRequest): Promise<EmailTemplateDetailView> {
    return this.update(merchantId, id, save);
  }

  /**
   * Compiles the draft's MJML to HTML once, here, and freezes it as the next version: the one flows pin from now
   * on. Flows still pinned to an older version are listed; they send it until republished.
   */
  async publish(merchantId: string, id: string, revision?: number): Promise<PublishedEmailTemplateVersionView> {
    const published = await this.publishing.publish(
      EMAIL_TEMPLATES,
      merchantId,
      id,
      revision,
      async (draft) => this.compiledVersion(draft),
      () => this.get(merchantId, id),
    );
    const outdatedFlows = (await this.pinnedFlows(merchantId, id)).filter((flow) => flow.outdated);
    return { ...versionSummaryView(published), templateId: id, outdatedFlows };
  }

  async versions(merchantId: string, id: string): Promise<VersionSummary[]> {
    return (await this.publishing.versions(EMAIL_TEMPLATES, merchantId, id)).map(versionSummaryView);
  }

  async version(merchantId: string, id: string, number: number): Promise<EmailTemplateVersionView> {
    const { content, ...version } = await this.publishing.version(EMAIL_TEMPLATES, merchantId, id, number);
    const text = (column: string) => content[column] as string;
    return { ...versionSummaryView(version), templateId: id, subject: text('subject'), mjml: text('mjml'), html: text('html') };
  }

  /** The version's subject and MJML become the draft (a new revision); flows keep theirs until republished. */
  async restore(merchantId: string, id: string, number: number, revision?: number): Promise<EmailTemplateDetailView> {
    await this.publishing.restore(EMAIL_TEMPLATES, merchantId, id, number, revision, () => this.get(merchantId, id));
    return this.get(merchantId, id);
  }

  /** The flows whose published version sends this template, each with the version it pins. */
  async pinnedFlows(merchantId: string, id: string): Promise<PinnedFlow[]> {
    return (await this.publishing.pinning(EMAIL_TEMPLATES, merchantId, id)).map(pinnedFlowView);
  }

  /** One call: every flow (or those named) pinned to an older version gets a new version pinned to the current one. */
  async republishFlows(merchantId: string, id: string, flowIds?: string[]): Promise<RepublishFlowsResponse> {
    const republished = await this.publishing.republishPinning(EMAIL_TEMPLATES, merchantId, id, flowIds);
    return {
      republished: republished.map(({ id: flowId, name, version, pinned }) => ({ flowId, name, version, pinnedVersion: pinned.version })),
    };
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
    if (!draft) throw ApiError.notFound(EMAIL_TEMPLATES.label);
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

  /** The HTML compiled from the locked draft, or a 422 pointing at field and line. */
  private compiledVersion(draft: LockedDraft): BuiltVersion {
    const subject = draft.content.subject as string;
    const mjml = draft.content.mjml as string;
    const compiled = compileEmailTemplate({ subject, mjml });
    if (!compiled.ok) throw templateInvalid(compiled.errors);
    return { content: { subject: compiled.subject, mjml, html: compiled.html }, pins: [] };
  }
}
