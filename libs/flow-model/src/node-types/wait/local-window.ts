import type { Locale } from '@postino/status';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { LocalizedText } from '../../node-type';

/** ISO weekdays, Monday first (luxon's `weekday` 1–7). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Weekday = (typeof WEEKDAYS)[number];

export const WINDOW_MESSAGES = {
  chooseDays: {
    en: 'Choose at least one day of the week, each once.',
    es: 'Elige al menos un día de la semana, cada uno una vez.',
    it: 'Scegli almeno un giorno della settimana, ognuno una volta.',
    fr: 'Choisissez au moins un jour de la semaine, chacun une fois.',
    de: 'Wählen Sie mindestens einen Wochentag, jeden nur einmal.',
  },
  enterTime: {
    en: 'Enter a time such as 09:00.',
    es: 'Introduce una hora como 09:00.',
    it: "Inserisci un'ora come 09:00.",
    fr: 'Saisissez une heure comme 09:00.',
    de: 'Geben Sie eine Uhrzeit wie 09:00 ein.',
  },
  endAfterStart: {
    en: 'The window must end after it starts, on the same day.',
    es: 'La franja debe terminar después de empezar, el mismo día.',
    it: 'La fascia deve finire dopo il suo inizio, nello stesso giorno.',
    fr: 'La plage doit finir après son début, le même jour.',
    de: 'Das Zeitfenster muss am selben Tag nach seinem Beginn enden.',
  },
} satisfies Record<string, LocalizedText>;

const M = WINDOW_MESSAGES;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const localTime = z.string({ error: M.enterTime.en }).regex(LOCAL_TIME, M.enterTime.en);
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Days of the week and a time span on them, in the recipient's own clock: "weekdays 09:00–11:00". */
export const localWindowSchema = z
  .object({
    days: z
      .array(z.enum(WEEKDAYS, { error: M.chooseDays.en }), { error: M.chooseDays.en })
      .min(1, M.chooseDays.en)
      .refine((days) => new Set(days).size === days.length, M.chooseDays.en),
    start: localTime,
    end: localTime,
  })
  // A malformed time is reported on its own field.
  .refine((window) => !LOCAL_TIME.test(window.start) || !LOCAL_TIME.test(window.end) || minutesOf(window.start) < minutesOf(window.end), {
    message: M.endAfterStart.en,
    path: ['end'],
  });

export type LocalWindow = z.infer<typeof localWindowSchema>;

/**
 * When the run may go on: `now` if it falls inside the window on one of its days, else the window's next
 * opening, read on the wall clock of `zone` — so 09:00 stays 09:00 across a daylight-saving change, and an
 * opening the clocks skip (02:30 on the spring-forward night) moves to just after the gap.
 */
export function nextWindowOpening(window: LocalWindow, now: Date, zone: string): Date {
  const local = DateTime.fromJSDate(now, { zone });
  const at = (day: DateTime, time: string) => day.set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) });
  for (let offset = 0; offset <= 7; offset++) {
    const day = local.plus({ days: offset }).startOf('day');
    if (!window.days.includes(WEEKDAYS[day.weekday - 1])) continue;
    const opens = at(day, window.start);
    if (local < opens) return opens.toJSDate();
    if (local < at(day, window.end)) return now;
  }
  throw new Error('a window with at least one day always opens within a week');
}

/** "Mon–Fri 09:00–11:00", "Sat, Sun 10:00–12:00" in the locale's short day names. */
export function describeWindow(window: LocalWindow, locale: Locale): string {
  // 2024-01-01 was a Monday.
  const name = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const dayName = (day: Weekday) => name.format(new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day))));
  const chosen = WEEKDAYS.filter((day) => window.days.includes(day));
  const runs: Weekday[][] = [];
  for (const day of chosen) {
    const last = runs.at(-1);
    if (last && WEEKDAYS.indexOf(last.at(-1) as Weekday) === WEEKDAYS.indexOf(day) - 1) last.push(day);
    else runs.push([day]);
  }
  const days = runs.map((run) => (run.length >= 3 ? `${dayName(run[0])}–${dayName(run.at(-1) as Weekday)}` : run.map(dayName).join(', ')));
  return `${days.join(', ')} ${window.start}–${window.end}`;
}
