import { describe, expect, it } from 'vitest';
import { configIssues } from '../../config-issues';
import { durationMs } from '../shared/duration';
import { nextWindowOpening } from './local-window';
import { waitNodeType, type WaitConfig } from './wait';

const { configSchema, ports, summary } = waitNodeType;
const waitFor = (amount: unknown, unit: unknown) => ({ duration: { amount, unit } });
const durationOf = (config: WaitConfig) => (config.mode === 'duration' ? durationMs(config.duration) : NaN);
const weekdayMornings = { mode: 'window', window: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '11:00' } };
const untilDelivered = { mode: 'status', statuses: ['delivered'], timeout: { amount: 3, unit: 'days' } };

describe('wait node type', () => {
  it('is a logic step with one "next" exit, and "next"/"timeout" when it waits for a status', () => {
    expect(waitNodeType.kind).toBe('logic');
    expect(ports(waitNodeType.defaultConfig).map((port) => port.id)).toEqual(['next']);
    expect(ports(configSchema.parse(weekdayMornings)).map((port) => port.id)).toEqual(['next']);
    expect(ports(configSchema.parse(untilDelivered)).map((port) => [port.id, port.label.en])).toEqual([
      ['next', 'Reached'],
      ['timeout', 'Timed out'],
    ]);
  });

  it('reads a config stored before the modes existed as a duration wait', () => {
    expect(configSchema.parse(waitFor(2, 'hours'))).toEqual({ mode: 'duration', duration: { amount: 2, unit: 'hours' } });
  });

  it.each([
    [waitFor(0, 'seconds'), 0],
    [waitFor(30, 'seconds'), 30_000],
    [waitFor(15, 'minutes'), 900_000],
    [waitFor(2, 'hours'), 7_200_000],
    [waitFor(90, 'days'), 90 * 86_400_000],
  ])('accepts %j, a wait of %i ms', (config, ms) => {
    expect(durationOf(configSchema.parse(config))).toBe(ms);
  });

  it.each([
    [waitFor(-1, 'hours'), ['duration', 'amount'], 'Enter a whole number, 0 or more.'],
    [waitFor(1.5, 'hours'), ['duration', 'amount'], 'Enter a whole number, 0 or more.'],
    [waitFor('2', 'hours'), ['duration', 'amount'], 'Enter a whole number, 0 or more.'],
    [waitFor(2, 'weeks'), ['duration', 'unit'], 'Choose seconds, minutes, hours or days.'],
    [waitFor(91, 'days'), ['duration'], 'A wait can last at most 90 days.'],
    [waitFor(2161, 'hours'), ['duration'], 'A wait can last at most 90 days.'],
    [{}, ['duration'], 'Say how long to wait.'],
    [{ mode: 'forever' }, ['mode'], 'Choose what to wait for: a while, a time of day, or a status.'],
    [{ ...weekdayMornings, window: { days: [], start: '09:00', end: '11:00' } }, ['window', 'days'], 'Choose at least one day of the week, each once.'],
    [{ ...weekdayMornings, window: { days: ['mon', 'mon'], start: '09:00', end: '11:00' } }, ['window', 'days'], 'Choose at least one day of the week, each once.'],
    [{ ...weekdayMornings, window: { days: ['mon'], start: '9:00', end: '11:00' } }, ['window', 'start'], 'Enter a time such as 09:00.'],
    [{ ...weekdayMornings, window: { days: ['mon'], start: '11:00', end: '09:00' } }, ['window', 'end'], 'The window must end after it starts, on the same day.'],
    [{ ...untilDelivered, statuses: [] }, ['statuses'], 'Choose the statuses to wait for, each once.'],
    [{ ...untilDelivered, statuses: ['arrived'] }, ['statuses', 0], 'Choose the statuses to wait for, each once.'],
    [{ ...untilDelivered, timeout: { amount: 100, unit: 'days' } }, ['timeout'], 'A wait can last at most 90 days.'],
  ])('rejects %j', (config, path, message) => {
    expect(configIssues(waitNodeType, config)).toEqual([{ path, message }]);
  });

  it('words its config errors in the marketer’s language', () => {
    expect(configIssues(waitNodeType, waitFor(100, 'days'), 'es')).toEqual([
      { path: ['duration'], message: 'Una espera puede durar como máximo 90 días.' },
    ]);
    expect(configIssues(waitNodeType, { ...untilDelivered, statuses: [] }, 'de')).toEqual([
      { path: ['statuses'], message: 'Wählen Sie die Status, auf die gewartet wird, jeden nur einmal.' },
    ]);
  });

  it('summarizes the wait in each locale', () => {
    const twoHours = configSchema.parse(waitFor(2, 'hours'));

    expect(summary(twoHours, 'en')).toBe('Wait 2 hours');
    expect(summary(twoHours, 'it')).toBe('Attendi 2 ore');
    expect(summary(twoHours, 'de')).toBe('2 Stunden warten');
    // Intl puts a no-break space between number and unit, as French typography wants.
    expect(summary(configSchema.parse(waitFor(1, 'days')), 'fr')).toBe('Attendre 1\u00a0jour');
    expect(summary(configSchema.parse(waitFor(0, 'seconds')), 'es')).toBe('Esperar 0 segundos');
    expect(summary(configSchema.parse(weekdayMornings), 'en')).toBe("Wait until Mon–Fri 09:00–11:00 (recipient's time)");
    expect(summary(configSchema.parse({ mode: 'window', window: { days: ['sat', 'sun'], start: '10:00', end: '12:00' } }), 'es')).toBe(
      'Esperar hasta sáb, dom 10:00–12:00 (hora del destinatario)',
    );
    expect(summary(configSchema.parse(untilDelivered), 'en')).toBe('Wait until Delivered (at most 3 days)');
  });
});

describe('a local time window', () => {
  const window = { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, start: '09:00', end: '11:00' };
  const madrid = (local: string) => nextWindowOpening({ ...window, days: [...window.days] }, new Date(local), 'Europe/Madrid');

  it('opens at the next weekday 09:00 where the recipient is', () => {
    // Friday 2026-12-04 14:00 in Madrid (UTC+1) → Monday 09:00.
    expect(madrid('2026-12-04T13:00:00Z').toISOString()).toBe('2026-12-07T08:00:00.000Z');
    // Tuesday 07:30 → the same day at 09:00.
    expect(madrid('2026-12-01T06:30:00Z').toISOString()).toBe('2026-12-01T08:00:00.000Z');
  });

  it('lets the run go on at once inside the window', () => {
    expect(madrid('2026-12-01T09:15:00Z').toISOString()).toBe('2026-12-01T09:15:00.000Z');
  });

  it('keeps 09:00 local across a daylight-saving change', () => {
    // Saturday 2026-03-28 12:00 CET; clocks go forward on Sunday 29th; Monday 09:00 is CEST (UTC+2).
    expect(madrid('2026-03-28T11:00:00Z').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    // Autumn: Friday 2026-10-23 15:00 CEST → Monday 26th 09:00 CET (UTC+1).
    expect(madrid('2026-10-23T13:00:00Z').toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('moves an opening the clocks skip to just after the gap', () => {
    const night = { days: ['sun'] as ('sun')[], start: '02:30', end: '04:00' };
    // Sunday 2026-03-29 in Madrid: 02:00 → 03:00 CEST; 02:30 does not exist that day.
    expect(nextWindowOpening(night, new Date('2026-03-28T12:00:00Z'), 'Europe/Madrid').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});
