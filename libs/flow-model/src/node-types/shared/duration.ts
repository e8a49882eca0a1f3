import type { Locale } from '@postino/status';
import { z } from 'zod';
import type { LocalizedText } from '../../node-type';

const UNIT_MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
const UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
type DurationUnit = (typeof UNITS)[number];

/** Longer waits would keep runs (and the shipment's messages) open past any useful moment. */
export const MAX_WAIT_DAYS = 90;

export const DURATION_MESSAGES = {
  sayHowLong: {
    en: 'Say how long to wait.',
    es: 'Indica cuánto tiempo esperar.',
    it: 'Indica quanto tempo attendere.',
    fr: 'Indiquez combien de temps attendre.',
    de: 'Geben Sie an, wie lange gewartet werden soll.',
  },
  wholeNumber: {
    en: 'Enter a whole number, 0 or more.',
    es: 'Introduce un número entero, 0 o más.',
    it: 'Inserisci un numero intero, 0 o più.',
    fr: 'Saisissez un nombre entier, 0 ou plus.',
    de: 'Geben Sie eine ganze Zahl ab 0 ein.',
  },
  chooseUnit: {
    en: 'Choose seconds, minutes, hours or days.',
    es: 'Elige segundos, minutos, horas o días.',
    it: 'Scegli secondi, minuti, ore o giorni.',
    fr: 'Choisissez secondes, minutes, heures ou jours.',
    de: 'Wählen Sie Sekunden, Minuten, Stunden oder Tage.',
  },
  tooLong: {
    en: `A wait can last at most ${MAX_WAIT_DAYS} days.`,
    es: `Una espera puede durar como máximo ${MAX_WAIT_DAYS} días.`,
    it: `Un'attesa può durare al massimo ${MAX_WAIT_DAYS} giorni.`,
    fr: `Une attente peut durer au maximum ${MAX_WAIT_DAYS} jours.`,
    de: `Eine Wartezeit darf höchstens ${MAX_WAIT_DAYS} Tage dauern.`,
  },
} satisfies Record<string, LocalizedText>;

const M = DURATION_MESSAGES;

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

/**
 * Elapsed time in milliseconds, so "1 day" across a daylight-saving change ends 24 hours later, not at the
 * same wall-clock time.
 */
export const durationMs = (duration: Duration) => duration.amount * UNIT_MS[duration.unit];

/** An amount of seconds, minutes, hours or days, up to MAX_WAIT_DAYS. */
export const durationSchema = z
  .object(
    {
      // 0 is allowed: benchmarks and tests pass through a wait without delay.
      amount: z.int({ error: M.wholeNumber.en }).min(0, M.wholeNumber.en),
      unit: z.enum(UNITS, { error: M.chooseUnit.en }),
    },
    { error: M.sayHowLong.en },
  )
  .refine((duration) => durationMs(duration) <= MAX_WAIT_DAYS * UNIT_MS.days, M.tooLong.en);

const INTL_UNIT: Record<DurationUnit, string> = { seconds: 'second', minutes: 'minute', hours: 'hour', days: 'day' };

/** "2 hours", "1 jour" in the locale's words. */
export function formatDuration(duration: Duration, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: INTL_UNIT[duration.unit], unitDisplay: 'long' }).format(duration.amount);
}
