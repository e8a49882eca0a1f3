import { EmailTemplateDetailView, EmailTemplateSummaryView, PinnedFlow, publicationStatus } from '@postino/api-contract';
import type { PinnedDependent } from '../publishing/pinned-dependents.repository';
import { factsOf, VersionRow } from '../publishing/publishing.repository';
import { versionSummaryView } from '../publishing/version-view';
import type { EmailTemplateDraft, EmailTemplateSummary } from './email-template.repository';

export function emailTemplateSummaryView(template: EmailTemplateSummary): EmailTemplateSummaryView {
  return {
    id: template.id,
    name: template.name,
    subject: template.subject,
    status: publicationStatus({ published: template.publishedVersionId !== null, paused: false, archived: false }),
    revision: template.revision,
    publishedVersion: template.publishedVersion,
    createdAt: template.createdAt.toISOString(),
    updatedAt: template.updatedAt.toISOString(),
  };
}

export function emailTemplateDetailView(template: EmailTemplateDraft, versions: readonly VersionRow[]): EmailTemplateDetailView {
  return { ...emailTemplateSummaryView(template), mjml: template.mjml, versions: versions.map(versionSummaryView) };
}

/** A flow pinning a version of the template, as listed with the template. */
export function pinnedFlowView(dependent: PinnedDependent & { outdated: boolean }): PinnedFlow {
  return {
    flowId: dependent.id,
    name: dependent.name,
    status: publicationStatus(factsOf(dependent.state)),
    flowVersion: dependent.version,
    pinnedVersion: dependent.pinned.version,
    outdated: dependent.outdated,
  };
}
