/** A template as listed: its draft's name and subject, and the number of its latest published version. */
export interface EmailTemplateSummary {
  id: string;
  name: string;
  subject: string;
  /** The version sends use; null while the template is a draft that cannot be sent. */
  publishedVersion: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A template's draft rendered with sample data, as a recipient would get it. */
export interface EmailPreview {
  subject: string;
  html: string;
  text: string;
}
