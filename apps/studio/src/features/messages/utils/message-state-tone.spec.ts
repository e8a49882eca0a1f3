import { describe, expect, it } from 'vitest';
import { messageStateTone } from './message-state-tone';

describe('messageStateTone', () => {
  it('tells failures, warnings and successes apart', () => {
    expect(messageStateTone('failed')).toBe('red');
    expect(messageStateTone('uncertain')).toBe('amber');
    expect(messageStateTone('delivered')).toBe('green');
  });

  it('shows a state it does not know as neutral rather than failing', () => {
    expect(messageStateTone('deferred')).toBe('gray');
  });

  it('does not treat inherited object keys as states', () => {
    expect(messageStateTone('constructor')).toBe('gray');
  });
});
