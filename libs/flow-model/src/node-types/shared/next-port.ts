import type { LocalizedText, NodePort } from '../../node-type';

/** The label of the single "then continue" exit most node types have. */
export const NEXT_LABEL: LocalizedText = { en: 'Next', es: 'Siguiente', it: 'Avanti', fr: 'Suivant', de: 'Weiter' };

/** The exits of a node type that always continues the same way. */
export const NEXT_PORTS: readonly NodePort[] = [{ id: 'next', label: NEXT_LABEL }];
