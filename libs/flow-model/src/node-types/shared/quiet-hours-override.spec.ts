import { describe, expect, it } from 'vitest';
import { effectiveQuietHours } from './quiet-hours-override';

const SHOP = { start: '21:00', end: '08:00' };

describe('effectiveQuietHours', () => {
  it("keeps the shop's quiet hours unless the node says otherwise", () => {
    expect(effectiveQuietHours({ templateId: 'x' }, SHOP)).toEqual(SHOP);
    expect(effectiveQuietHours({ quietHours: 'shop_default' }, SHOP)).toEqual(SHOP);
    expect(effectiveQuietHours({ quietHours: 'shop_default' }, null)).toBeNull();
  });

  it('lets a node send at any hour, or keep a window of its own', () => {
    expect(effectiveQuietHours({ quietHours: 'none' }, SHOP)).toBeNull();
    expect(effectiveQuietHours({ quietHours: { start: '20:00', end: '09:30' } }, null)).toEqual({ start: '20:00', end: '09:30' });
  });
});
