import { describe, expect, it } from 'vitest';
import { quietHoursEnd, quietHoursSchema } from './quiet-hours';

const NIGHT = { start: '21:00', end: '08:00' };

describe('quietHoursEnd', () => {
  it('defers a message due at 23:00 in Madrid to 08:00 the next morning, Madrid time', () => {
    expect(quietHoursEnd(new Date('2026-06-10T21:00:00Z'), 'Europe/Madrid', NIGHT)?.toISOString()).toBe('2026-06-11T06:00:00.000Z');
  });

  it('defers a message due at 06:30 to 08:00 the same morning', () => {
    expect(quietHoursEnd(new Date('2026-06-10T04:30:00Z'), 'Europe/Madrid', NIGHT)?.toISOString()).toBe('2026-06-10T06:00:00.000Z');
  });

  it('lets a message due in the day go at once, and treats the start minute as quiet and the end minute as not', () => {
    expect(quietHoursEnd(new Date('2026-06-10T10:00:00Z'), 'Europe/Madrid', NIGHT)).toBeNull();
    expect(quietHoursEnd(new Date('2026-06-10T19:00:00Z'), 'Europe/Madrid', NIGHT)).not.toBeNull();
    expect(quietHoursEnd(new Date('2026-06-10T06:00:00Z'), 'Europe/Madrid', NIGHT)).toBeNull();
  });

  it('keeps 08:00 local across the spring and autumn clock changes', () => {
    // 28 March 2026, 23:00 CET (UTC+1); the clocks go forward that night, so 08:00 is CEST (UTC+2).
    expect(quietHoursEnd(new Date('2026-03-28T22:00:00Z'), 'Europe/Madrid', NIGHT)?.toISOString()).toBe('2026-03-29T06:00:00.000Z');
    // 24 October 2026, 23:00 CEST; the clocks go back that night, so 08:00 is CET (UTC+1).
    expect(quietHoursEnd(new Date('2026-10-24T21:00:00Z'), 'Europe/Madrid', NIGHT)?.toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });

  it('judges the time in the recipient’s zone: 23:00 in Madrid is 17:00 in New York', () => {
    expect(quietHoursEnd(new Date('2026-06-10T21:00:00Z'), 'America/New_York', NIGHT)).toBeNull();
  });

  it('supports a window within one day, and none when start equals end', () => {
    expect(quietHoursEnd(new Date('2026-06-10T11:00:00Z'), 'UTC', { start: '11:00', end: '14:00' })?.toISOString()).toBe('2026-06-10T14:00:00.000Z');
    expect(quietHoursEnd(new Date('2026-06-10T11:00:00Z'), 'UTC', { start: '09:00', end: '09:00' })).toBeNull();
  });

  it('refuses times that are not HH:MM on a 24-hour clock', () => {
    expect(quietHoursSchema.safeParse({ start: '9:00', end: '08:00' }).success).toBe(false);
    expect(quietHoursSchema.safeParse({ start: '24:00', end: '08:00' }).success).toBe(false);
  });
});
