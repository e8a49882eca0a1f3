import { isTerminalStatus, type Locale, type Status } from '@postino/status';
import { z } from 'zod';
import { SHIPMENT_DELAYED } from '../../flow-events';
import { defineNodeType } from '../../node-type';
import { CARRIER_FILTER_MESSAGES, carrierPasses, carrierFilterSchema, carrierFilterSuffix } from '../shared/carrier-filter';
import { NEXT_PORTS } from '../shared/next-port';

const configSchema = z.object({ carriers: carrierFilterSchema });

export type ShipmentDelayedConfig = z.infer<typeof configSchema>;

const SUMMARY: Record<Locale, string> = {
  en: 'Promised delivery date passed',
  es: 'Pasó la fecha de entrega prometida',
  it: 'La data di consegna promessa è passata',
  fr: 'La date de livraison promise est passée',
  de: 'Zugesagter Liefertermin überschritten',
};

/**
 * Starts a run once per delay episode: the shipment-watch sweeper writes `shipment.delayed` when the shop's
 * local date is past the promised delivery date and the shipment is neither delivered nor returned.
 */
export const shipmentDelayedNodeType = defineNodeType<'shipment_delayed', ShipmentDelayedConfig>({
  type: 'shipment_delayed',
  kind: 'trigger',
  subject: 'shipment',
  version: 1,
  category: 'triggers',
  icon: 'clock-alert',
  label: {
    en: 'Shipment delayed',
    es: 'Envío retrasado',
    it: 'Spedizione in ritardo',
    fr: 'Envoi en retard',
    de: 'Sendung verspätet',
  },
  help: {
    en: 'Starts the flow when a shipment is not delivered by its promised date. A new promised date that passes again starts it again.',
    es: 'Inicia el flujo cuando un envío no se entrega en la fecha prometida. Una nueva fecha prometida que vuelve a pasar lo inicia de nuevo.',
    it: 'Avvia il flusso quando una spedizione non è consegnata entro la data promessa. Una nuova data promessa che passa di nuovo lo riavvia.',
    fr: "Démarre le flux lorsqu'un envoi n'est pas livré à la date promise. Une nouvelle date promise qui passe à son tour le redémarre.",
    de: 'Startet den Ablauf, wenn eine Sendung bis zum zugesagten Termin nicht zugestellt ist. Ein neuer zugesagter Termin, der wieder verstreicht, startet ihn erneut.',
  },
  configSchema,
  configMessages: Object.values(CARRIER_FILTER_MESSAGES),
  defaultConfig: { carriers: [] },
  ports: () => NEXT_PORTS,
  references: () => [],
  summary: (config, locale) => SUMMARY[locale] + carrierFilterSuffix(config.carriers, locale),
  listensTo: [SHIPMENT_DELAYED],
  matches: (config, event) => event.type === SHIPMENT_DELAYED && carrierPasses(config.carriers, event.payload.carrier),
  // "Your parcel is late" is no longer true once it arrived, or once the shop promised a new date.
  stillHolds: (_config, event, present) =>
    event.type === SHIPMENT_DELAYED &&
    !isTerminalStatus(present.shipment.status as Status) &&
    present.shipment.promisedDeliveryDate === event.payload.missedDate,
});
