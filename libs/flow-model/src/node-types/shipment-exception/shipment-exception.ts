import { type Locale, SUBSTATUSES, substatusLabel } from '@postino/status';
import { z } from 'zod';
import { SHIPMENT_STATUS_CHANGED } from '../../flow-events';
import { defineNodeType, type LocalizedText } from '../../node-type';
import { withUi } from '../../ui-hints';
import { NEXT_PORTS } from '../shared/next-port';

const MESSAGES = {
  unknownSubstatus: {
    en: 'Choose a reason from the list.',
    es: 'Elige un motivo de la lista.',
    it: "Scegli un motivo dall'elenco.",
    fr: 'Choisissez un motif dans la liste.',
    de: 'Wählen Sie einen Grund aus der Liste.',
  },
  onlyOnce: {
    en: 'Each reason can be chosen only once.',
    es: 'Cada motivo solo puede elegirse una vez.',
    it: 'Ogni motivo può essere scelto una sola volta.',
    fr: "Chaque motif ne peut être choisi qu'une fois.",
    de: 'Jeder Grund kann nur einmal gewählt werden.',
  },
} satisfies Record<string, LocalizedText>;

const EXCEPTION = 'exception';

const configSchema = z.object({
  // Optional: absent or empty means any exception, as an untouched picker reads.
  substatuses: withUi(
    z
      .array(z.enum(SUBSTATUSES, { error: MESSAGES.unknownSubstatus.en }), { error: MESSAGES.unknownSubstatus.en })
      .refine((substatuses) => new Set(substatuses).size === substatuses.length, MESSAGES.onlyOnce.en)
      .optional(),
    {
      label: { en: 'Reasons', es: 'Motivos', it: 'Motivi', fr: 'Motifs', de: 'Gründe' },
      help: {
        en: 'Only exceptions with one of these reasons (e.g. lost, damaged); leave empty for any.',
        es: 'Solo incidencias con uno de estos motivos (p. ej. perdido, dañado); déjalo vacío para cualquiera.',
        it: 'Solo eccezioni con uno di questi motivi (ad es. smarrita, danneggiata); lascia vuoto per qualsiasi.',
        fr: "Seulement les incidents avec l'un de ces motifs (par ex. perdu, endommagé) ; laissez vide pour n'importe lequel.",
        de: 'Nur Ausnahmen mit einem dieser Gründe (z. B. verloren, beschädigt); leer lassen für alle.',
      },
      widget: 'substatus_picker',
    },
  ),
});

export type ShipmentExceptionConfig = z.infer<typeof configSchema>;

const SUMMARY: Record<Locale, (reasons: string | null) => string> = {
  en: (reasons) => (reasons ? `Delivery problem: ${reasons}` : 'Delivery problem'),
  es: (reasons) => (reasons ? `Incidencia en la entrega: ${reasons}` : 'Incidencia en la entrega'),
  it: (reasons) => (reasons ? `Problema di consegna: ${reasons}` : 'Problema di consegna'),
  fr: (reasons) => (reasons ? `Incident de livraison : ${reasons}` : 'Incident de livraison'),
  de: (reasons) => (reasons ? `Zustellproblem: ${reasons}` : 'Zustellproblem'),
};

export const shipmentExceptionNodeType = defineNodeType<'shipment_exception', ShipmentExceptionConfig>({
  type: 'shipment_exception',
  kind: 'trigger',
  subject: 'shipment',
  version: 1,
  category: 'triggers',
  icon: 'alert-triangle',
  label: {
    en: 'Delivery problem',
    es: 'Incidencia en la entrega',
    it: 'Problema di consegna',
    fr: 'Incident de livraison',
    de: 'Zustellproblem',
  },
  help: {
    en: 'Starts the flow when a shipment enters the exception status (lost, damaged, held…), optionally only for some reasons.',
    es: 'Inicia el flujo cuando un envío entra en incidencia (perdido, dañado, retenido…), si quieres solo por algunos motivos.',
    it: "Avvia il flusso quando una spedizione entra nello stato di eccezione (smarrita, danneggiata, trattenuta…), eventualmente solo per alcuni motivi.",
    fr: "Démarre le flux lorsqu'un envoi passe en incident (perdu, endommagé, retenu…), éventuellement seulement pour certains motifs.",
    de: 'Startet den Ablauf, wenn eine Sendung in den Ausnahmestatus wechselt (verloren, beschädigt, zurückgehalten …), auf Wunsch nur bei bestimmten Gründen.',
  },
  configSchema,
  configMessages: Object.values(MESSAGES),
  defaultConfig: {},
  ports: () => NEXT_PORTS,
  references: () => [],
  summary: (config, locale) => {
    const labels = (config.substatuses ?? []).map((substatus) => substatusLabel(substatus, locale));
    return SUMMARY[locale](labels.length ? new Intl.ListFormat(locale, { type: 'disjunction' }).format(labels) : null);
  },
  listensTo: [SHIPMENT_STATUS_CHANGED],
  // Entering the status starts it (the reason it entered with decides); a new reason while already in
  // exception is no status change, so it starts nothing.
  matches: (config, event) =>
    event.type === SHIPMENT_STATUS_CHANGED &&
    event.payload.to === EXCEPTION &&
    (!config.substatuses?.length || (event.payload.substatus !== null && config.substatuses.includes(event.payload.substatus))),
  // "There is a problem with your parcel" is stale once it moved on (delivered after all, returned, back in transit).
  stillHolds: (_config, _event, present) => present.shipment.status === EXCEPTION,
});
