import { isTerminalStatus, type Locale, type Status } from '@postino/status';
import { z } from 'zod';
import { SHIPMENT_CREATED } from '../../flow-events';
import { defineNodeType } from '../../node-type';
import { CARRIER_FILTER_MESSAGES, carrierFilterSchema, carrierFilterSuffix, carrierPasses } from '../shared/carrier-filter';
import { NEXT_PORTS } from '../shared/next-port';

const configSchema = z.object({ carriers: carrierFilterSchema });

export type ShipmentCreatedConfig = z.infer<typeof configSchema>;

const SUMMARY: Record<Locale, string> = {
  en: 'A new shipment is created',
  es: 'Se crea un envío nuevo',
  it: 'Viene creata una nuova spedizione',
  fr: 'Un nouvel envoi est créé',
  de: 'Eine neue Sendung wird angelegt',
};

export const shipmentCreatedNodeType = defineNodeType<'shipment_created', ShipmentCreatedConfig>({
  type: 'shipment_created',
  kind: 'trigger',
  subject: 'shipment',
  version: 1,
  category: 'triggers',
  icon: 'package-plus',
  label: {
    en: 'Shipment created',
    es: 'Envío creado',
    it: 'Spedizione creata',
    fr: 'Envoi créé',
    de: 'Sendung angelegt',
  },
  help: {
    en: 'Starts the flow when the shop creates a shipment (e.g. "your order has shipped"), optionally only for some carriers.',
    es: 'Inicia el flujo cuando la tienda crea un envío (p. ej. «tu pedido ha salido»), si quieres solo para algunos transportistas.',
    it: 'Avvia il flusso quando il negozio crea una spedizione (ad es. «il tuo ordine è stato spedito»), eventualmente solo per alcuni corrieri.',
    fr: "Démarre le flux lorsque la boutique crée un envoi (par ex. « votre commande est expédiée »), éventuellement seulement pour certains transporteurs.",
    de: 'Startet den Ablauf, wenn der Shop eine Sendung anlegt (z. B. „Ihre Bestellung wurde versandt“), auf Wunsch nur für bestimmte Versanddienstleister.',
  },
  configSchema,
  configMessages: Object.values(CARRIER_FILTER_MESSAGES),
  defaultConfig: {},
  ports: () => NEXT_PORTS,
  references: () => [],
  summary: (config, locale) => SUMMARY[locale] + carrierFilterSuffix(config.carriers, locale),
  listensTo: [SHIPMENT_CREATED],
  matches: (config, event) => event.type === SHIPMENT_CREATED && carrierPasses(config.carriers, event.payload.carrier),
  // "Your parcel is on its way" stays true through transit, delays and exceptions; once the parcel was
  // delivered or returned, a message still waiting (a delay, quiet hours) would announce what is over.
  stillHolds: (_config, _event, present) => !isTerminalStatus(present.shipment.status as Status),
});
