import { LocalizedText } from '../node-type';

/** The label of the single "then continue" exit most node types have. */
export const NEXT_LABEL: LocalizedText = { en: 'Next', es: 'Siguiente', it: 'Avanti', fr: 'Suivant', de: 'Weiter' };
