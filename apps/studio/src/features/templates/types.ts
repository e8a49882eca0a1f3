import type { EmailTemplateSummaryView } from '@postino/api-contract';

/** A template as listed: its draft's name and subject, and the number of its latest published version. */
export type EmailTemplateSummary = EmailTemplateSummaryView;

/** A template's draft rendered with sample data, as a recipient would get it. */
export interface EmailPreview {
  subject: string;
  html: string;
  text: string;
}
