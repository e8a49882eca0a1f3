import { isTerminalStatus, type Locale, type Status } from '@postino/status';
import { z } from 'zod';
import { SHIPMENT_STALLED } from '../../flow-events';
import { defineNodeType } from '../../node-type';
import { CARRIER_FILTER_MESSAGES, carrierPasses, carrierFilterSchema, carrierFilterSuffix } from '../shared/carrier-filter';
import { NEXT_PORTS } from '../shared/next-port';

const configSchema = z.object({ carriers: carrierFilterSchema });

export type ShipmentStalledConfig = z.infer<typeof configSchema>;

const SUMMARY: Record<Locale, string> = {
  en: 'No carrier scan for too long',
  es: 'Sin escaneos del transportista durante demasiado tiempo',
  it: 'Nessuna scansione del corriere da troppo tempo',
  fr: 'Aucun scan du transporteur depuis trop longtemps',
  de: 'Zu lange kein Scan des Versanddienstleisters',
};

/**
 * Starts a run once per stall episode: the shipment-watch sweeper writes `shipment.stalled` when a shipment
 * on its way has had no carrier scan for its carrier's threshold (the shop's settings may change it).
 */
export const shipmentStalledNodeType = defineNodeType<'shipment_stalled', ShipmentStalledConfig>({
  type: 'shipment_stalled',
  kind: 'trigger',
  subject: 'shipment',
  version: 1,
  category: 'triggers',
  icon: 'pause-circle',
  label: {
    en: 'Shipment stalled',
    es: 'Envío detenido',
    it: 'Spedizione ferma',
    fr: 'Envoi bloqué',
    de: 'Sendung steht still',
  },
  help: {
    en: "Starts the flow when a shipment on its way has had no carrier scan for its carrier's threshold (set in the shop's settings). A new scan ends the stall.",
    es: 'Inicia el flujo cuando un envío en camino lleva sin escaneos del transportista más que el umbral de su transportista (en los ajustes de la tienda). Un nuevo escaneo termina la parada.',
    it: 'Avvia il flusso quando una spedizione in viaggio non riceve scansioni del corriere oltre la soglia del suo corriere (nelle impostazioni del negozio). Una nuova scansione termina il fermo.',
    fr: "Démarre le flux lorsqu'un envoi en route n'a plus de scan du transporteur depuis le seuil de son transporteur (dans les réglages de la boutique). Un nouveau scan met fin au blocage.",
    de: 'Startet den Ablauf, wenn eine Sendung unterwegs länger als die Schwelle ihres Versanddienstleisters (in den Shop-Einstellungen) keinen Scan hatte. Ein neuer Scan beendet den Stillstand.',
  },
  configSchema,
  configMessages: Object.values(CARRIER_FILTER_MESSAGES),
  defaultConfig: { carriers: [] },
  ports: () => NEXT_PORTS,
  references: () => [],
  summary: (config, locale) => SUMMARY[locale] + carrierFilterSuffix(config.carriers, locale),
  listensTo: [SHIPMENT_STALLED],
  matches: (config, event) => event.type === SHIPMENT_STALLED && carrierPasses(config.carriers, event.payload.carrier),
  // A scan since the episode began means the parcel moves again: "it seems stuck" is no longer true.
  stillHolds: (_config, event, present) =>
    event.type === SHIPMENT_STALLED &&
    !isTerminalStatus(present.shipment.status as Status) &&
    present.shipment.lastScanAt !== null &&
    Date.parse(present.shipment.lastScanAt) === Date.parse(event.payload.lastScanAt),
});
