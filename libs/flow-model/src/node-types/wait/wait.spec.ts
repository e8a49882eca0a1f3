import { describe, expect, it } from 'vitest';
import { configIssues } from '../../config-issues';
import { waitDurationMs, waitNodeType } from './wait';

const { configSchema, summary } = waitNodeType;
const waitFor = (amount: unknown, unit: unknown) => ({ duration: { amount, unit } });

describe('wait node type', () => {
  it('is a logic step with one "next" exit', () => {
    expect(waitNodeType.kind).toBe('logic');
    expect(waitNodeType.ports(waitNodeType.defaultConfig).map((port) => port.id)).toEqual(['next']);
  });

  it.each([
    [waitFor(0, 'seconds'), 0],
    [waitFor(30, 'seconds'), 30_000],
    [waitFor(15, 'minutes'), 900_000],
    [waitFor(2, 'hours'), 7_200_000],
    [waitFor(90, 'days'), 90 * 86_400_000],
  ])('accepts %j, a wait of %i ms', (config, ms) => {
    expect(waitDurationMs(configSchema.parse(config))).toBe(ms);
  });

  it.each([
    [waitFor(-1, 'hours'), ['duration', 'amount'], 'Enter a whole number, 0 or more.'],
    [waitFor(1.5, 'hours'), ['duration', 'amount'], 'Enter a whole number, 0 or more.'],
    [waitFor('2', 'hours'), ['duration', 'amount'], 'Enter a whole number, 0 or more.'],
    [waitFor(2, 'weeks'), ['duration', 'unit'], 'Choose seconds, minutes, hours or days.'],
    [waitFor(91, 'days'), ['duration'], 'A wait can last at most 90 days.'],
    [waitFor(2161, 'hours'), ['duration'], 'A wait can last at most 90 days.'],
    [{}, ['duration'], 'Say how long to wait.'],
  ])('rejects %j', (config, path, message) => {
    expect(configIssues(waitNodeType, config)).toEqual([{ path, message }]);
  });

  it('words its config errors in the marketer’s language', () => {
    expect(configIssues(waitNodeType, waitFor(100, 'days'), 'es')).toEqual([
      { path: ['duration'], message: 'Una espera puede durar como máximo 90 días.' },
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
  });
});
