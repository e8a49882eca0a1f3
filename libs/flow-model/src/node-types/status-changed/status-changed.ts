import { type Locale, type Status, STATUSES, statusLabel } from '@postino/status';
import { z } from 'zod';
import { SHIPMENT_STATUS_CHANGED } from '../../flow-events';
import { defineNodeType, type LocalizedText } from '../../node-type';
import { withUi } from '../../ui-hints';
import { CARRIER_FILTER_MESSAGES, carrierFilterSchema, carrierFilterSuffix, carrierPasses } from '../shared/carrier-filter';
import { NEXT_PORTS } from '../shared/next-port';

const MESSAGES = {
  chooseStatuses: {
    en: 'Choose the statuses that start this flow.',
    es: 'Elige los estados que inician este flujo.',
    it: 'Scegli gli stati che avviano questo flusso.',
    fr: 'Choisissez les statuts qui démarrent ce flux.',
    de: 'Wählen Sie die Status, die diesen Ablauf starten.',
  },
  atLeastOne: {
    en: 'Choose at least one status.',
    es: 'Elige al menos un estado.',
    it: 'Scegli almeno uno stato.',
    fr: 'Choisissez au moins un statut.',
    de: 'Wählen Sie mindestens einen Status.',
  },
  onlyOnce: {
    en: 'Each status can be chosen only once.',
    es: 'Cada estado solo puede elegirse una vez.',
    it: 'Ogni stato può essere scelto una sola volta.',
    fr: "Chaque statut ne peut être choisi qu'une fois.",
    de: 'Jeder Status kann nur einmal gewählt werden.',
  },
  unknownStatus: {
    en: 'Choose a status from the list.',
    es: 'Elige un estado de la lista.',
    it: "Scegli uno stato dall'elenco.",
    fr: 'Choisissez un statut dans la liste.',
    de: 'Wählen Sie einen Status aus der Liste.',
  },
} satisfies Record<string, LocalizedText>;

const configSchema = z.object({
  statuses: withUi(
    z
      .array(z.enum(STATUSES, { error: MESSAGES.unknownStatus.en }), { error: MESSAGES.chooseStatuses.en })
      .min(1, MESSAGES.atLeastOne.en)
      .refine((statuses) => new Set(statuses).size === statuses.length, MESSAGES.onlyOnce.en),
    {
      label: { en: 'Statuses', es: 'Estados', it: 'Stati', fr: 'Statuts', de: 'Status' },
      help: {
        en: 'The flow starts when a shipment reaches any of them.',
        es: 'El flujo empieza cuando un envío llega a cualquiera de ellos.',
        it: 'Il flusso inizia quando una spedizione raggiunge uno di questi.',
        fr: "Le flux démarre lorsqu'un envoi atteint l'un d'eux.",
        de: 'Der Ablauf startet, wenn eine Sendung einen davon erreicht.',
      },
      widget: 'status_picker',
    },
  ),
  // Optional, as are carriers: flows stored as { statuses } before these existed keep their meaning.
  from: withUi(
    z
      .array(z.enum(STATUSES, { error: MESSAGES.unknownStatus.en }), { error: MESSAGES.unknownStatus.en })
      .refine((statuses) => new Set(statuses).size === statuses.length, MESSAGES.onlyOnce.en)
      .optional(),
    {
      label: { en: 'Previous statuses', es: 'Estados anteriores', it: 'Stati precedenti', fr: 'Statuts précédents', de: 'Vorherige Status' },
      help: {
        en: 'Only when the shipment comes from one of them; leave empty for any. A first status comes from none.',
        es: 'Solo cuando el envío viene de uno de ellos; déjalo vacío para cualquiera. Un primer estado no viene de ninguno.',
        it: 'Solo quando la spedizione proviene da uno di questi; lascia vuoto per qualsiasi. Un primo stato non proviene da nessuno.',
        fr: "Seulement quand l'envoi vient de l'un d'eux ; laissez vide pour n'importe lequel. Un premier statut ne vient d'aucun.",
        de: 'Nur wenn die Sendung aus einem davon kommt; leer lassen für alle. Ein erster Status kommt aus keinem.',
      },
      widget: 'status_picker',
    },
  ),
  carriers: carrierFilterSchema,
});

export type StatusChangedConfig = z.infer<typeof configSchema>;

// Worded as a statement, not "When …": it reads the same on the canvas and in the studio's flow list.
const SUMMARY: Record<Locale, (statuses: string) => string> = {
  en: (statuses) => `Status becomes ${statuses}`,
  es: (statuses) => `El estado pasa a ${statuses}`,
  it: (statuses) => `Lo stato diventa ${statuses}`,
  fr: (statuses) => `Le statut devient ${statuses}`,
  de: (statuses) => `Status wechselt zu ${statuses}`,
};

const FROM: Record<Locale, (statuses: string) => string> = {
  en: (statuses) => ` from ${statuses}`,
  es: (statuses) => ` desde ${statuses}`,
  it: (statuses) => ` da ${statuses}`,
  fr: (statuses) => ` depuis ${statuses}`,
  de: (statuses) => ` von ${statuses}`,
};

const anyOf = (statuses: readonly Status[], locale: Locale) =>
  new Intl.ListFormat(locale, { type: 'disjunction' }).format(statuses.map((status) => statusLabel(status, locale)));

export const statusChangedNodeType = defineNodeType<'status_changed', StatusChangedConfig>({
  type: 'status_changed',
  kind: 'trigger',
  subject: 'shipment',
  version: 1,
  category: 'triggers',
  icon: 'truck',
  label: {
    en: 'Status changed',
    es: 'Cambio de estado',
    it: 'Cambio di stato',
    fr: 'Changement de statut',
    de: 'Statusänderung',
  },
  help: {
    en: 'Starts the flow when a shipment reaches one of the chosen statuses, optionally only from some statuses or for some carriers.',
    es: 'Inicia el flujo cuando un envío llega a uno de los estados elegidos, si quieres solo desde algunos estados o para algunos transportistas.',
    it: 'Avvia il flusso quando una spedizione raggiunge uno degli stati scelti, eventualmente solo da alcuni stati o per alcuni corrieri.',
    fr: "Démarre le flux lorsqu'un envoi atteint l'un des statuts choisis, éventuellement seulement depuis certains statuts ou pour certains transporteurs.",
    de: 'Startet den Ablauf, wenn eine Sendung einen der gewählten Status erreicht, auf Wunsch nur aus bestimmten Status oder für bestimmte Versanddienstleister.',
  },
  configSchema,
  configMessages: [...Object.values(MESSAGES), ...Object.values(CARRIER_FILTER_MESSAGES)],
  defaultConfig: { statuses: ['in_transit'] },
  ports: () => NEXT_PORTS,
  references: () => [],
  summary: (config, locale) =>
    SUMMARY[locale](anyOf(config.statuses, locale)) +
    (config.from?.length ? FROM[locale](anyOf(config.from, locale)) : '') +
    carrierFilterSuffix(config.carriers, locale),
  listensTo: [SHIPMENT_STATUS_CHANGED],
  // The new status decides: leaving a chosen status starts nothing. A from-set never holds a first status (null).
  matches: (config, event) =>
    event.type === SHIPMENT_STATUS_CHANGED &&
    config.statuses.includes(event.payload.to) &&
    (!config.from?.length || (event.payload.from !== null && config.from.includes(event.payload.from))) &&
    carrierPasses(config.carriers, event.payload.carrier),
  // A message about "out for delivery" is no longer true once the shipment has moved on (even to a chosen status).
  stillHolds: (_config, event, present) => event.type === SHIPMENT_STATUS_CHANGED && present.shipment.status === event.payload.to,
});
