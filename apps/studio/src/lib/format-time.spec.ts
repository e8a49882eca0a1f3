import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDateTime, formatRelativeTime } from './format-time';

const now = new Date('2025-03-10T12:00:00Z');

describe('formatRelativeTime', () => {
  it('says "just now" within a minute either way', () => {
    expect(formatRelativeTime('2025-03-10T11:59:30Z', now)).toBe('just now');
    expect(formatRelativeTime('2025-03-10T12:00:20Z', now)).toBe('just now');
  });

  it('counts minutes and hours in the past', () => {
    expect(formatRelativeTime('2025-03-10T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelativeTime('2025-03-10T09:00:00Z', now)).toBe('3 hours ago');
  });

  it('uses words for one day and weeks beyond a few days', () => {
    expect(formatRelativeTime('2025-03-09T10:00:00Z', now)).toBe('yesterday');
    expect(formatRelativeTime('2025-02-24T12:00:00Z', now)).toBe('2 weeks ago');
  });

  it('counts months and years for old events', () => {
    expect(formatRelativeTime('2024-12-10T12:00:00Z', now)).toBe('3 months ago');
    expect(formatRelativeTime('2023-03-01T12:00:00Z', now)).toBe('2 years ago');
  });

  it('speaks of the future for times ahead', () => {
    expect(formatRelativeTime('2025-03-10T14:00:00Z', now)).toBe('in 2 hours');
  });

  it('returns an empty string for an unreadable time', () => {
    expect(formatRelativeTime('not a date', now)).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows date and time to the minute in the given time zone', () => {
    expect(formatDateTime('2025-03-10T12:05:00Z', 'en', 'UTC')).toBe('Mar 10, 2025, 12:05 PM');
    expect(formatDateTime('2025-03-10T12:05:00Z', 'en', 'Europe/Rome')).toBe('Mar 10, 2025, 1:05 PM');
  });

  it('returns an empty string for an unreadable time', () => {
    expect(formatDateTime('', 'en', 'UTC')).toBe('');
  });
});

describe('formatCalendarDate', () => {
  it('keeps a bare calendar day on that day in any time zone', () => {
    expect(formatCalendarDate('2025-03-12', 'en', 'America/Los_Angeles')).toBe('Mar 12, 2025');
  });

  it('places a full timestamp in the given time zone', () => {
    expect(formatCalendarDate('2025-03-12T03:00:00Z', 'en', 'America/Los_Angeles')).toBe('Mar 11, 2025');
  });
});
