import type { Locale } from '@postino/status';
import type { FlowDocument } from './flow-document';
import type { FlowIssue } from './flow-issue';
import type { LocalizedMessage } from './localized-messages';
import type { NodeReference } from './node-type';
import { getNodeType } from './node-type-registry';

/** Whether a referenced thing of the flow's merchant can be used: only published ones can. */
export type ReferenceState = 'published' | 'unpublished' | 'missing';

/** A reference with the node it belongs to and that node's place in `nodes`. */
export interface FlowReference extends NodeReference {
  nodeIndex: number;
  nodeId: string;
}

type UnusableState = Exclude<ReferenceState, 'published'>;

/** Per kind of reference, not per node type: any node type pointing at a template reads the same. */
const MESSAGES: Record<NodeReference['kind'], Record<UnusableState, LocalizedMessage<{ nodeId: string }>>> = {
  email_template: {
    missing: {
      en: ({ nodeId }) => `Step "${nodeId}" sends an email template that does not exist. Choose another template.`,
      es: ({ nodeId }) => `El paso "${nodeId}" envía una plantilla de email que no existe. Elige otra plantilla.`,
      it: ({ nodeId }) => `Il passaggio "${nodeId}" invia un modello email che non esiste. Scegli un altro modello.`,
      fr: ({ nodeId }) => `L'étape "${nodeId}" envoie un modèle d'e-mail qui n'existe pas. Choisissez un autre modèle.`,
      de: ({ nodeId }) => `Schritt "${nodeId}" sendet eine E-Mail-Vorlage, die es nicht gibt. Wählen Sie eine andere Vorlage.`,
    },
    unpublished: {
      en: ({ nodeId }) =>
        `Step "${nodeId}" sends an email template that was never published. Publish the template first.`,
      es: ({ nodeId }) =>
        `El paso "${nodeId}" envía una plantilla de email que nunca se ha publicado. Publica antes la plantilla.`,
      it: ({ nodeId }) =>
        `Il passaggio "${nodeId}" invia un modello email che non è mai stato pubblicato. Pubblica prima il modello.`,
      fr: ({ nodeId }) =>
        `L'étape "${nodeId}" envoie un modèle d'e-mail qui n'a jamais été publié. Publiez d'abord le modèle.`,
      de: ({ nodeId }) =>
        `Schritt "${nodeId}" sendet eine E-Mail-Vorlage, die nie veröffentlicht wurde. Veröffentlichen Sie zuerst die Vorlage.`,
    },
  },
};

/** Every reference of the flow's nodes, in node order; nodes of unknown types or with invalid configs have none. */
export function flowReferences(flow: FlowDocument): FlowReference[] {
  return flow.nodes.flatMap((node, nodeIndex) => {
    const nodeType = getNodeType(node.type);
    const config = nodeType?.configSchema.safeParse(node.config);
    if (!nodeType || !config?.success) return [];
    return nodeType.references(config.data).map((reference) => ({ ...reference, nodeIndex, nodeId: node.id }));
  });
}

/**
 * The references that cannot be used when publishing, one issue each, pointing at the config field.
 * `known` answers from the merchant's own data (another merchant's template is 'missing').
 */
export function referenceIssues(
  flow: FlowDocument,
  known: (reference: NodeReference) => ReferenceState,
  locale: Locale = 'en',
): FlowIssue[] {
  return flowReferences(flow).flatMap(({ nodeIndex, nodeId, ...reference }): FlowIssue[] => {
    const state = known(reference);
    if (state === 'published') return [];
    return [
      {
        path: ['nodes', nodeIndex, 'config', ...reference.path],
        message: MESSAGES[reference.kind][state][locale]({ nodeId }),
      },
    ];
  });
}
