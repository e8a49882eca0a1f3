import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { EmailPreview, EmailTemplateSummary } from '../types';

export function listEmailTemplates(signal?: AbortSignal): Promise<EmailTemplateSummary[]> {
  return api.get<EmailTemplateSummary[]>('/api/v1/email-templates', { signal });
}

/** Renders the saved draft with sample data; the engine stores and sends nothing. */
export function previewEmailTemplate(id: string, signal?: AbortSignal): Promise<EmailPreview> {
  return api.post<EmailPreview>(`/api/v1/email-templates/${encodeURIComponent(id)}/preview`, {}, { signal });
}

export const emailTemplatesQueryOptions = queryOptions({
  queryKey: ['email-templates', 'list'],
  queryFn: ({ signal }) => listEmailTemplates(signal),
});

export function useEmailTemplates() {
  return useQuery(emailTemplatesQueryOptions);
}

// A POST that changes nothing, so it is read (and cached) like any query.
export function emailTemplatePreviewQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['email-templates', 'preview', id],
    queryFn: ({ signal }) => previewEmailTemplate(id, signal),
  });
}

export function useEmailTemplatePreview(id: string) {
  return useQuery(emailTemplatePreviewQueryOptions(id));
}
