import type { Locale } from '@postino/status';
import { z } from 'zod';
import { defineNodeType, type LocalizedText } from '../../node-type';
import { withUi } from '../../ui-hints';
import { NEXT_PORTS } from '../shared/next-port';

const UNIT_MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
const WAIT_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
type WaitUnit = (typeof WAIT_UNITS)[number];

/** Longer waits would keep runs (and the shipment's messages) open past any useful moment. */
export const MAX_WAIT_DAYS = 90;

const MESSAGES = {
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

const durationMs = (duration: { amount: number; unit: WaitUnit }) => duration.amount * UNIT_MS[duration.unit];

const configSchema = z.object({
  duration: withUi(
    z
      .object(
        {
          // 0 is allowed: benchmarks and tests pass through a wait without delay.
          amount: z.int({ error: MESSAGES.wholeNumber.en }).min(0, MESSAGES.wholeNumber.en),
          unit: z.enum(WAIT_UNITS, { error: MESSAGES.chooseUnit.en }),
        },
        { error: MESSAGES.sayHowLong.en },
      )
      .refine((duration) => durationMs(duration) <= MAX_WAIT_DAYS * UNIT_MS.days, MESSAGES.tooLong.en),
    {
      label: { en: 'How long', es: 'Cuánto tiempo', it: 'Quanto tempo', fr: 'Combien de temps', de: 'Wie lange' },
      help: {
        en: `Up to ${MAX_WAIT_DAYS} days.`,
        es: `Hasta ${MAX_WAIT_DAYS} días.`,
        it: `Fino a ${MAX_WAIT_DAYS} giorni.`,
        fr: `Jusqu'à ${MAX_WAIT_DAYS} jours.`,
        de: `Bis zu ${MAX_WAIT_DAYS} Tage.`,
      },
      widget: 'duration',
    },
  ),
});

export type WaitConfig = z.infer<typeof configSchema>;

/**
 * How long the run pauses, in milliseconds: elapsed time, so a "1 day" wait across a daylight-saving change
 * ends 24 hours later, not at the same wall-clock time.
 */
export function waitDurationMs(config: WaitConfig): number {
  return durationMs(config.duration);
}

const INTL_UNIT: Record<WaitUnit, string> = { seconds: 'second', minutes: 'minute', hours: 'hour', days: 'day' };

const SUMMARY: Record<Locale, (duration: string) => string> = {
  en: (duration) => `Wait ${duration}`,
  es: (duration) => `Esperar ${duration}`,
  it: (duration) => `Attendi ${duration}`,
  fr: (duration) => `Attendre ${duration}`,
  de: (duration) => `${duration} warten`,
};

export const waitNodeType = defineNodeType<'wait', WaitConfig>({
  type: 'wait',
  kind: 'logic',
  version: 1,
  category: 'timing',
  icon: 'hourglass',
  label: { en: 'Wait', es: 'Esperar', it: 'Attesa', fr: 'Attendre', de: 'Warten' },
  help: {
    en: 'Pauses the run for a while before its next step.',
    es: 'Pausa la ejecución un tiempo antes del siguiente paso.',
    it: "Mette in pausa l'esecuzione per un po' prima del passaggio successivo.",
    fr: "Met l'exécution en pause un moment avant l'étape suivante.",
    de: 'Pausiert den Durchlauf eine Weile vor dem nächsten Schritt.',
  },
  configSchema,
  configMessages: Object.values(MESSAGES),
  defaultConfig: { duration: { amount: 1, unit: 'days' } },
  ports: () => NEXT_PORTS,
  references: () => [],
  summary: ({ duration }, locale) => {
    const format = new Intl.NumberFormat(locale, { style: 'unit', unit: INTL_UNIT[duration.unit], unitDisplay: 'long' });
    return SUMMARY[locale](format.format(duration.amount));
  },
});
