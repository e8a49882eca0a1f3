import { DEFAULT_EMAIL_TEMPLATE } from '@postino/templating';
import { describe, expect, it, vi } from 'vitest';
import type { MerchantRepository } from '../merchants/merchant.repository';
import { ApiError } from '../../common/http/api-error';
import { apiErrorOf } from '../../common/http/api-error.testing';
import type { BuiltVersion, LockedDraft } from '../publishing/publishing.repository';
import type { PublishingService } from '../publishing/publishing.service';
import type { EmailTemplateDraft, EmailTemplateRepository } from './email-template.repository';
import { EmailTemplatesService } from './email-templates.service';

const MERCHANT = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const TEMPLATE = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

const VALID_MJML = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Hello {{ customer.first_name }}, your parcel is {{ shipment.status_label }}.</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

const draftOf = (subject: string, mjml: string): EmailTemplateDraft => ({
  id: TEMPLATE,
  name: 'Status update',
  subject,
  mjml,
  revision: 1,
  publishedVersionId: null,
  publishedVersion: null,
  createdAt: new Date(),
  updatedAt: new Date(),
});

/** A repository holding one template; the lifecycle's publish runs `build` as the real one does, under its lock. */
function serviceWith(draft: EmailTemplateDraft) {
  const frozen: BuiltVersion[] = [];
  const templates = {
    create: vi.fn(async (_merchantId: string, input: { name: string; subject: string; mjml: string }) =>
      draftOf(input.subject, input.mjml),
    ),
    find: vi.fn(async (merchantId: string, id: string) => (merchantId === MERCHANT && id === TEMPLATE ? draft : null)),
  };
  const publishing = {
    saveDraft: vi.fn(),
    publish: vi.fn(async (_kind, merchantId: string, id: string, _revision, build: (d: LockedDraft) => Promise<BuiltVersion>) => {
      if (merchantId !== MERCHANT || id !== TEMPLATE) throw ApiError.notFound('Email template');
      const locked: LockedDraft = { revision: 1, publishedVersionId: null, pausedAt: null, archivedAt: null, content: draft };
      frozen.push(await build(locked));
      return { id: 'version-1', version: 1, publishedAt: new Date(), draftRevision: 1, pins: [] };
    }),
    pinning: vi.fn(async () => []),
  };
  const merchants = { findById: vi.fn(async () => ({ id: MERCHANT, name: 'Bottega Verde', slug: 'bottega' })) };
  const service = new EmailTemplatesService(
    templates as unknown as EmailTemplateRepository,
    merchants as unknown as MerchantRepository,
    publishing as unknown as PublishingService,
  );
  return { service, publishing, frozen };
}

describe('EmailTemplatesService.create', () => {
  it('starts from the default template when subject and MJML are left out', async () => {
    const { service } = serviceWith(draftOf('', ''));

    const created = await service.create(MERCHANT, { name: 'Status update' });
    expect(created).toMatchObject({ ...DEFAULT_EMAIL_TEMPLATE, status: 'draft', revision: 1, publishedVersion: null, versions: [] });
  });
});

describe('EmailTemplatesService.publish', () => {
  it('freezes the HTML compiled from the MJML, with the Liquid kept for each send', async () => {
    const { service, frozen } = serviceWith(draftOf('Your order is {{ shipment.status_label }}', VALID_MJML));

    await expect(service.publish(MERCHANT, TEMPLATE)).resolves.toMatchObject({ templateId: TEMPLATE, version: 1, outdatedFlows: [] });
    expect(frozen).toHaveLength(1);
    const { subject, mjml, html } = frozen[0].content as Record<string, string>;
    expect(subject).toBe('Your order is {{ shipment.status_label }}');
    expect(mjml).toBe(VALID_MJML);
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Hello {{ customer.first_name }}');
    expect(html).not.toContain('<mj-text>');
  });

  it('refuses to publish a template with errors: 422 template_invalid with field and line', async () => {
    const broken = VALID_MJML.replace('<mj-text>', '<mj-txt>').replace('</mj-text>', '</mj-txt>');
    const { service, frozen } = serviceWith(draftOf('', broken));

    const error = await apiErrorOf(service.publish(MERCHANT, TEMPLATE));
    expect(error.getStatus()).toBe(422);
    const body = error.getResponse() as { error: string; details: { field: string; line: number | null }[] };
    expect(body.error).toBe('template_invalid');
    expect(body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'subject', line: null }),
        expect.objectContaining({ field: 'mjml', line: 5 }),
      ]),
    );
    expect(frozen).toEqual([]);
  });

  it("answers 404 for a template that is not this merchant's", async () => {
    const { service } = serviceWith(draftOf('Hi', VALID_MJML));

    const error = await apiErrorOf(service.publish('cccccccc-cccc-4ccc-8ccc-cccccccccccc', TEMPLATE));
    expect(error.getStatus()).toBe(404);
  });
});

describe('EmailTemplatesService.preview', () => {
  it("renders the draft with sample data and the merchant's name, writing nothing", async () => {
    const { service, publishing } = serviceWith(draftOf('{{ merchant.name }}: {{ shipment.status_label }}', VALID_MJML));

    const preview = await service.preview(MERCHANT, TEMPLATE, {});
    expect(preview.subject).toBe('Bottega Verde: In transit');
    expect(preview.html).toContain('Hello Giulia, your parcel is In transit.');
    expect(publishing.publish).not.toHaveBeenCalled();
    expect(publishing.saveDraft).not.toHaveBeenCalled();
  });

  it('previews the unsaved subject and MJML the editor sends instead of the draft', async () => {
    const { service } = serviceWith(draftOf('Saved subject', VALID_MJML));

    const preview = await service.preview(MERCHANT, TEMPLATE, {
      subject: 'Unsaved for {{ customer.first_name }}',
      mjml: VALID_MJML.replace('Hello', 'Ciao'),
    });
    expect(preview.subject).toBe('Unsaved for Giulia');
    expect(preview.html).toContain('Ciao Giulia');
  });

  it('answers 422 template_invalid when what is previewed does not compile', async () => {
    const { service } = serviceWith(draftOf('Hi', VALID_MJML));

    const error = await apiErrorOf(service.preview(MERCHANT, TEMPLATE, { mjml: '<mjml><mj-body>{% if %}</mj-body></mjml>' }));
    expect(error.getResponse()).toMatchObject({ error: 'template_invalid' });
  });
});
