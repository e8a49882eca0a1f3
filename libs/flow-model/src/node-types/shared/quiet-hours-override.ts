import { z } from 'zod';
import type { LocalizedText } from '../../node-type';
import { LOCAL_TIME, type QuietHours } from '../../quiet-hours';
import { withUi } from '../../ui-hints';

/** The one error a quiet-hours setting can raise; send node types list it among their configMessages. */
export const QUIET_HOURS_MESSAGE: LocalizedText = {
  en: "Choose the shop's quiet hours, none, or two times such as 21:00 and 08:00.",
  es: 'Elige las horas de silencio de la tienda, ninguna, o dos horas como 21:00 y 08:00.',
  it: 'Scegli le ore di silenzio del negozio, nessuna, o due orari come 21:00 e 08:00.',
  fr: 'Choisissez les heures calmes de la boutique, aucune, ou deux heures comme 21:00 et 08:00.',
  de: 'Wählen Sie die Ruhezeiten des Shops, keine oder zwei Uhrzeiten wie 21:00 und 08:00.',
};

const localTime = z.string({ error: QUIET_HOURS_MESSAGE.en }).regex(LOCAL_TIME, QUIET_HOURS_MESSAGE.en);
const ownWindowSchema = z.object({ start: localTime, end: localTime }, { error: QUIET_HOURS_MESSAGE.en });

/**
 * A send node's quiet hours: the shop's (its sending policy), none (e.g. an urgent delivery-problem alert), or
 * its own window. Read in the recipient's time zone when the message is about to leave.
 */
export const quietHoursOverrideSchema = withUi(
  z
    .union([z.literal('shop_default'), z.literal('none'), ownWindowSchema], { error: QUIET_HOURS_MESSAGE.en })
    .default('shop_default'),
  {
    label: { en: 'Quiet hours', es: 'Horas de silencio', it: 'Ore di silenzio', fr: 'Heures calmes', de: 'Ruhezeiten' },
    help: {
      en: "Messages due then wait until they end, in the customer's time zone.",
      es: 'Los mensajes que toquen entonces esperan a que terminen, en la zona horaria del cliente.',
      it: 'I messaggi previsti in quelle ore attendono la loro fine, nel fuso orario del cliente.',
      fr: "Les messages prévus pendant ces heures attendent leur fin, dans le fuseau horaire du client.",
      de: 'Nachrichten, die in diese Zeit fallen, warten bis zu deren Ende, in der Zeitzone des Kunden.',
    },
    widget: 'quiet_hours',
  },
);
export type QuietHoursOverride = z.infer<typeof quietHoursOverrideSchema>;

/** The quiet hours a message keeps, given its node's parsed config and the shop's own. */
export function effectiveQuietHours(nodeConfig: unknown, shopQuietHours: QuietHours | null): QuietHours | null {
  const parsed = quietHoursOverrideSchema.safeParse((nodeConfig as { quietHours?: unknown } | null)?.quietHours);
  const override = parsed.success ? parsed.data : 'shop_default';
  if (override === 'shop_default') return shopQuietHours;
  if (override === 'none') return null;
  return override;
}
