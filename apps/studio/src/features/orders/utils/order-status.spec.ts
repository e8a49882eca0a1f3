import { ORDER_STATUSES } from '@postino/api-contract';
import { describe, expect, it } from 'vitest';
import { orderStatusLabels, orderStatusTones } from './order-status';

describe('order status display', () => {
  it('has a label and a distinct tone for every status', () => {
    expect(ORDER_STATUSES.map((status) => orderStatusLabels[status])).toEqual(['Open', 'Cancelled', 'Refunded']);
    expect(new Set(ORDER_STATUSES.map((status) => orderStatusTones[status])).size).toBe(ORDER_STATUSES.length);
  });
});
