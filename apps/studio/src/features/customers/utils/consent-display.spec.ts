import { describe, expect, it } from 'vitest';
import { consentSourceLabel, consentStateLabel, consentStateTone } from './consent-display';

describe('consent display', () => {
  it('names each state in plain words with its own tone', () => {
    expect([consentStateLabel('granted'), consentStateTone('granted')]).toEqual(['Granted', 'green']);
    expect([consentStateLabel('denied'), consentStateTone('denied')]).toEqual(['Withdrawn', 'red']);
    expect([consentStateLabel('none'), consentStateTone('none')]).toEqual(['Not given', 'gray']);
  });

  it('reads source tokens as words', () => {
    expect(consentSourceLabel('customer_service')).toBe('Customer service');
    expect(consentSourceLabel(null)).toBe('unknown source');
  });
});
