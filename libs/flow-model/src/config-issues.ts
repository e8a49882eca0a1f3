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
  return issuesFromZod(result.error, [], configMessageTranslator(nodeType, locale));
}

/**
 * A config error's text in the locale. The schema raises English texts, the keys of the node type's
 * translations; zod's own texts (parsed with zodErrorMap(locale)) are already localized and pass unchanged.
 */
export function configMessageTranslator(nodeType: NodeType, locale: Locale): (message: string) => string {
  const translations = new Map(nodeType.configMessages.map((text) => [text.en, text[locale]]));
  return (message) => translations.get(message) ?? message;
}
