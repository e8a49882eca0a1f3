import type { EmailTemplateSummaryView } from '@postino/api-contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../../lib/api-client';

export function getEmailTemplates(signal?: AbortSignal): Promise<EmailTemplateSummaryView[]> {
  return api.get<EmailTemplateSummaryView[]>('/api/v1/email-templates', { signal });
}

export const emailTemplatesQueryOptions = queryOptions({
  queryKey: ['email-templates', 'list'],
  queryFn: ({ signal }) => getEmailTemplates(signal),
});

/** The shop's e-mail templates, for a node that sends one. */
export function useEmailTemplates() {
  return useQuery(emailTemplatesQueryOptions);
}
