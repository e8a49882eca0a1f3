import { api } from '../../../lib/api-client';
import type { EmailPreview, EmailTemplateSummary } from '../types';

export function listEmailTemplates(signal?: AbortSignal): Promise<EmailTemplateSummary[]> {
  return api.get<EmailTemplateSummary[]>('/api/v1/email-templates', { signal });
}

/** Renders the saved draft with sample data; the engine stores and sends nothing. */
export function previewEmailTemplate(id: string, signal?: AbortSignal): Promise<EmailPreview> {
  return api.post<EmailPreview>(`/api/v1/email-templates/${encodeURIComponent(id)}/preview`, {}, { signal });
}
