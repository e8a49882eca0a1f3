import { describe, expect, it } from 'vitest';
import { addTags, inputFromNumber, numberFromInput, timeFromInput, toggleIn } from './inputs';

describe('input conversions', () => {
  it('read a number input: empty is no value, text the number it is', () => {
    expect(numberFromInput('')).toBeUndefined();
    expect(numberFromInput('  ')).toBeUndefined();
    expect(numberFromInput('12')).toBe(12);
    expect(numberFromInput('0')).toBe(0);
    expect(inputFromNumber(0)).toBe('0');
    expect(inputFromNumber(undefined)).toBe('');
    expect(inputFromNumber(Number.NaN)).toBe('');
  });

  it('keep HH:MM of a time input, whose value may carry seconds', () => {
    expect(timeFromInput('09:30')).toBe('09:30');
    expect(timeFromInput('09:30:15')).toBe('09:30');
    expect(timeFromInput('')).toBe('');
  });

  it('split typed tags on commas, tidy them and keep each once', () => {
    expect(addTags(['vip'], ' gift  wrap , vip,,late ')).toEqual(['vip', 'gift wrap', 'late']);
  });

  it('toggle a value in a list kept in a given order', () => {
    const week = ['mon', 'tue', 'wed'];
    expect(toggleIn(['wed'], 'mon', week)).toEqual(['mon', 'wed']);
    expect(toggleIn(['mon', 'wed'], 'mon', week)).toEqual(['wed']);
  });
});
