import { DateTime } from 'luxon';
import { z } from 'zod';

/** `HH:MM` on a 24-hour clock. */
export const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A local time of day as marketers write it, `HH:MM` on a 24-hour clock. */
export const localTimeSchema = z.string().regex(LOCAL_TIME, 'must be a time such as 21:00');

/**
 * Hours when no message goes out, in the recipient's own time zone. `start` may be later than `end` (the
 * usual 21:00–08:00 crosses midnight); equal times mean no quiet hours.
 */
export const quietHoursSchema = z.object({ start: localTimeSchema, end: localTimeSchema });
export type QuietHours = z.infer<typeof quietHoursSchema>;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * When a message due at `now` may leave: null if `now` is outside the quiet hours in `zone`, else the end of
 * the quiet period — the next `end` wall-clock time in that zone. On a daylight-saving change the wall-clock
 * end is kept (08:00 stays 08:00 local); an end that does not exist that day (skipped by the clocks moving
 * forward) becomes the first instant after the gap.
 */
export function quietHoursEnd(now: Date, zone: string, quiet: QuietHours): Date | null {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return null;
  const local = DateTime.fromJSDate(now, { zone });
  if (!local.isValid) return null;
  const minute = local.hour * 60 + local.minute;
  const inQuiet = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inQuiet) return null;
  const endsTomorrow = start > end && minute >= start;
  const day = endsTomorrow ? local.plus({ days: 1 }) : local;
  const until = day.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
  return until.toJSDate();
}
