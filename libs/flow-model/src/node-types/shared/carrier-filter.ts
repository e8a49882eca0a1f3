import { CARRIER_SLUGS, getCarrier } from '@postino/carriers';
import type { Locale } from '@postino/status';
import { z } from 'zod';
import type { LocalizedText } from '../../node-type';
import { withUi } from '../../ui-hints';

/** The errors a carrier filter can raise; trigger node types with one list them among their configMessages. */
export const CARRIER_FILTER_MESSAGES = {
  unknownCarrier: {
    en: 'Choose a carrier from the list.',
    es: 'Elige un transportista de la lista.',
    it: "Scegli un corriere dall'elenco.",
    fr: 'Choisissez un transporteur dans la liste.',
    de: 'Wählen Sie einen Versanddienstleister aus der Liste.',
  },
  carrierOnce: {
    en: 'Each carrier can be chosen only once.',
    es: 'Cada transportista solo puede elegirse una vez.',
    it: 'Ogni corriere può essere scelto una sola volta.',
    fr: "Chaque transporteur ne peut être choisi qu'une fois.",
    de: 'Jeder Versanddienstleister kann nur einmal gewählt werden.',
  },
} satisfies Record<string, LocalizedText>;

/**
 * Optional: absent or empty means any carrier, as an untouched picker reads. Carrier codes are those of
 * @postino/carriers, the only carriers a shipment can have.
 */
export const carrierFilterSchema = withUi(
  z
    .array(z.string().refine((slug) => CARRIER_SLUGS.includes(slug), CARRIER_FILTER_MESSAGES.unknownCarrier.en), {
      error: CARRIER_FILTER_MESSAGES.unknownCarrier.en,
    })
    .refine((carriers) => new Set(carriers).size === carriers.length, CARRIER_FILTER_MESSAGES.carrierOnce.en)
    .optional(),
  {
    label: { en: 'Carriers', es: 'Transportistas', it: 'Corrieri', fr: 'Transporteurs', de: 'Versanddienstleister' },
    help: {
      en: 'Only shipments of these carriers; leave empty for any carrier.',
      es: 'Solo envíos de estos transportistas; déjalo vacío para cualquiera.',
      it: 'Solo spedizioni di questi corrieri; lascia vuoto per qualsiasi corriere.',
      fr: "Seulement les envois de ces transporteurs ; laissez vide pour n'importe lequel.",
      de: 'Nur Sendungen dieser Versanddienstleister; leer lassen für alle.',
    },
    widget: 'carrier_picker',
  },
);

/**
 * Whether a shipment of `carrier` passes the filter. An event stored before events named their carrier
 * (undefined) passes only a filter that asks for nothing: it cannot be shown to be of a chosen carrier.
 */
export function carrierPasses(carriers: readonly string[] | undefined, carrier: string | undefined): boolean {
  if (!carriers || carriers.length === 0) return true;
  return carrier !== undefined && carriers.includes(carrier);
}

/** The carriers of a filter as a suffix for a summary (" (FedEx or USPS)"), or nothing without a filter. */
export function carrierFilterSuffix(carriers: readonly string[] | undefined, locale: Locale): string {
  if (!carriers || carriers.length === 0) return '';
  const names = carriers.map((slug) => getCarrier(slug)?.name ?? slug);
  return ` (${new Intl.ListFormat(locale, { type: 'disjunction' }).format(names)})`;
}
