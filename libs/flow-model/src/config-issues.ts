import type { Locale } from '@postino/status';
import type { FlowIssue } from './flow-issue';
import { issuesFromZod, zodErrorMap } from './localized-messages';
import type { NodeType } from './node-type';

/**
 * What is wrong with a node's config, in the locale: for validateFlow and for the editor's inline errors.
 * Paths are inside the config (['templateId']).
 */
export function configIssues(nodeType: NodeType, config: unknown, locale: Locale = 'en'): FlowIssue[] {
  const result = nodeType.configSchema.safeParse(config, { error: zodErrorMap(locale) });
  if (result.success) return [];
  // The schema raises English texts; they are the keys of the node type's translations.
  const translations = new Map(nodeType.configMessages.map((text) => [text.en, text[locale]]));
  return issuesFromZod(result.error, [], (message) => translations.get(message) ?? message);
}
