import { describe, expect, it } from 'vitest';
import { SUBSTATUSES, substatusSchema } from './substatus';

describe('substatuses', () => {
  it('include the vocabulary the product relies on', () => {
    for (const substatus of [
      'delayed',
      'customs_hold',
      'address_issue',
      'damaged',
      'lost',
      'refused',
      'held_at_depot',
      'returning_to_sender',
      'picked_up',
      'delivered_to_neighbour',
      'delivered_to_pickup_point',
      'recipient_unavailable',
      'weather_delay',
      'arrived_at_facility',
      'departed_facility',
      'label_created',
      'signed_for',
    ]) {
      expect(SUBSTATUSES).toContain(substatus);
    }
  });

  it('has no duplicates', () => {
    expect(new Set(SUBSTATUSES).size).toBe(SUBSTATUSES.length);
  });

  it('validates substatuses with the shared schema', () => {
    expect(substatusSchema.parse('customs_hold')).toBe('customs_hold');
    expect(substatusSchema.safeParse('in_transit').success).toBe(false);
  });
});
