import { describe, expect, it } from 'vitest';
import { isTerminalStatus, STATUSES, statusOrder, statusSchema } from './status';

describe('statuses', () => {
  it('are the nine standard statuses in lifecycle order', () => {
    expect(STATUSES).toEqual([
      'pending',
      'info_received',
      'in_transit',
      'out_for_delivery',
      'available_for_pickup',
      'failed_attempt',
      'delivered',
      'exception',
      'returned',
    ]);
  });

  it('orders statuses along the lifecycle', () => {
    expect(statusOrder('pending')).toBe(0);
    expect(statusOrder('info_received')).toBeLessThan(statusOrder('in_transit'));
    expect(statusOrder('out_for_delivery')).toBeLessThan(statusOrder('delivered'));
    expect(statusOrder('returned')).toBe(STATUSES.length - 1);
  });

  it('treats only delivered and returned as terminal', () => {
    expect(STATUSES.filter(isTerminalStatus)).toEqual(['delivered', 'returned']);
  });

  it('validates statuses with the shared schema', () => {
    expect(statusSchema.parse('out_for_delivery')).toBe('out_for_delivery');
    expect(statusSchema.safeParse('shipped').success).toBe(false);
  });
});
