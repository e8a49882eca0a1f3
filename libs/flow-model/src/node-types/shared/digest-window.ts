import { z } from 'zod';
import type { LocalizedText } from '../../node-type';
import { withUi } from '../../ui-hints';

/** A day at most: a digest exists to merge the parcels of one order that move together, not to batch a week. */
export const MAX_DIGEST_MINUTES = 1_440;

/** The one error a digest window can raise; send node types list it among their configMessages. */
export const DIGEST_WINDOW_MESSAGE: LocalizedText = {
  en: `Enter a whole number of minutes from 1 to ${MAX_DIGEST_MINUTES}, or leave it empty.`,
  es: `Introduce un número entero de minutos entre 1 y ${MAX_DIGEST_MINUTES}, o déjalo vacío.`,
  it: `Inserisci un numero intero di minuti da 1 a ${MAX_DIGEST_MINUTES}, o lascialo vuoto.`,
  fr: `Saisissez un nombre entier de minutes de 1 à ${MAX_DIGEST_MINUTES}, ou laissez vide.`,
  de: `Geben Sie eine ganze Zahl von Minuten von 1 bis ${MAX_DIGEST_MINUTES} ein oder lassen Sie das Feld leer.`,
};

/**
 * A send node's digest window, in minutes: the parcels of one order reaching this node for one recipient within
 * it produce one message, sent when the window closes. Absent: every parcel has its own message.
 */
export const digestWindowSchema = withUi(
  z.int({ error: DIGEST_WINDOW_MESSAGE.en }).min(1, DIGEST_WINDOW_MESSAGE.en).max(MAX_DIGEST_MINUTES, DIGEST_WINDOW_MESSAGE.en).optional(),
  {
    label: {
      en: 'Combine parcels of one order (minutes)',
      es: 'Agrupar paquetes de un pedido (minutos)',
      it: 'Unisci i pacchi di un ordine (minuti)',
      fr: "Regrouper les colis d'une commande (minutes)",
      de: 'Pakete einer Bestellung zusammenfassen (Minuten)',
    },
    help: {
      en: 'Parcels of the same order that get here within this time produce one message, sent when it ends.',
      es: 'Los paquetes del mismo pedido que lleguen aquí en este tiempo generan un solo mensaje, enviado al terminar.',
      it: 'I pacchi dello stesso ordine che arrivano qui entro questo tempo generano un solo messaggio, inviato alla fine.',
      fr: 'Les colis de la même commande qui arrivent ici dans ce délai produisent un seul message, envoyé à la fin.',
      de: 'Pakete derselben Bestellung, die innerhalb dieser Zeit hier ankommen, ergeben eine Nachricht, gesendet am Ende.',
    },
    widget: 'number',
  },
);

/** The digest window a message's node keeps, in minutes, from its parsed config; null when it has none. */
export function digestWindowMinutes(nodeConfig: unknown): number | null {
  const parsed = digestWindowSchema.safeParse((nodeConfig as { digestMinutes?: unknown } | null)?.digestMinutes);
  return parsed.success && parsed.data !== undefined ? parsed.data : null;
}
