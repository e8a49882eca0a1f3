import { getCarrier } from '@postino/carriers';
import type { Locale } from '@postino/status';
import { z } from 'zod';
import type { LocalizedText } from '../../node-type';
import { withUi } from '../../ui-hints';

// As the condition's carrier fact: slugs beyond the code tables are allowed (a shipment may name any carrier).
const SLUG = /^[a-z0-9][a-z0-9._-]{0,49}$/;

export const CARRIER_FILTER_MESSAGES = {
  chooseCarrier: {
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

/** A trigger's optional "only these carriers" (none chosen: every carrier). */
export const carrierFilterSchema = withUi(
  z
    .array(z.string({ error: CARRIER_FILTER_MESSAGES.chooseCarrier.en }).regex(SLUG, CARRIER_FILTER_MESSAGES.chooseCarrier.en), {
      error: CARRIER_FILTER_MESSAGES.chooseCarrier.en,
    })
    // Required, not defaulted: the engine matches events against the config as stored, unparsed.
    .refine((carriers) => new Set(carriers).size === carriers.length, CARRIER_FILTER_MESSAGES.carrierOnce.en),
  {
    label: { en: 'Carriers', es: 'Transportistas', it: 'Corrieri', fr: 'Transporteurs', de: 'Versanddienstleister' },
    help: {
      en: 'Only shipments of these carriers; none chosen: every carrier.',
      es: 'Solo envíos de estos transportistas; si no eliges ninguno, todos.',
      it: 'Solo spedizioni di questi corrieri; se non ne scegli nessuno, tutti.',
      fr: 'Seulement les envois de ces transporteurs ; aucun choisi : tous.',
      de: 'Nur Sendungen dieser Versanddienstleister; keiner gewählt: alle.',
    },
    widget: 'carrier_picker',
  },
);

export function carrierAllowed(carriers: readonly string[], carrier: string): boolean {
  return carriers.length === 0 || carriers.includes(carrier);
}

const ONLY: LocalizedText = { en: 'only', es: 'solo', it: 'solo', fr: 'seulement', de: 'nur' };

/** " (only FedEx or USPS)" for a summary, nothing when every carrier counts. */
export function carrierSuffix(carriers: readonly string[], locale: Locale): string {
  if (carriers.length === 0) return '';
  const names = carriers.map((slug) => getCarrier(slug)?.name ?? slug);
  return ` (${ONLY[locale]} ${new Intl.ListFormat(locale, { type: 'disjunction' }).format(names)})`;
}
