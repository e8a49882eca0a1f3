import { describe, expect, it } from 'vitest';
import type { CustomerRow } from '../customers/customer';
import type { ShipmentRow } from '../tracking/shipment';
import { planShipment } from './shipment-upsert';

const now = new Date('2026-11-27T09:00:00Z');
const context = (orders: Record<string, string> = {}) => ({
  id: 'new-id',
  merchantId: 'm',
  trackingToken: 'token',
  now,
  customerId: null,
  orderIdOf: (number: string) => orders[number] ?? null,
  customerOfOrder: () => null,
});

describe('planShipment', () => {
  it('links a new shipment to its order when Postino has it, and leaves it waiting otherwise', () => {
    const linked = planShipment(null, { carrier: 'fedex', input: { trackingNumber: 'T1', orderNumber: '#1' } }, context({ '#1': 'o1' }));
    expect(linked).toMatchObject({ outcome: 'created', row: { id: 'new-id', orderNumber: '#1', orderId: 'o1', trackingToken: 'token' } });
    const waiting = planShipment(null, { carrier: 'fedex', input: { trackingNumber: 'T2', orderNumber: '#2' } }, context());
    expect(waiting.row).toMatchObject({ orderNumber: '#2', orderId: null });
  });

  it('keeps what an update leaves out, and reports an identical resend as unchanged', () => {
    const created = planShipment(
      null,
      { carrier: 'fedex', input: { trackingNumber: 'T3', orderNumber: '#3', customer: { email: 'a@x.com', name: 'Ana' }, destination: { country: 'ES' } } },
      context({ '#3': 'o3' }),
    ).row;
    const stored = { ...created, status: 'in_transit', substatus: null, statusEventId: null, lastEventAt: null, updatedAt: now } as ShipmentRow;
    expect(planShipment(stored, { carrier: 'fedex', input: { trackingNumber: 'T3' } }, context()).outcome).toBe('unchanged');
    const moved = planShipment(stored, { carrier: 'fedex', input: { trackingNumber: 'T3', promisedDeliveryDate: '2026-12-01' } }, context());
    expect(moved).toMatchObject({ outcome: 'updated', row: { id: stored.id, orderId: 'o3', customerName: 'Ana', trackingToken: 'token' } });
  });

  it('takes its order’s customer when it names none, and keeps its own otherwise', () => {
    const customer = { id: 'c1', email: 'ana@x.com', phone: '+34612345678', phoneRaw: '612 34 56 78', name: 'Ana', locale: 'es', timezone: 'Europe/Madrid' } as CustomerRow;
    const fromOrder = { ...context({ '#4': 'o4' }), customerOfOrder: (orderId: string) => (orderId === 'o4' ? customer : null) };
    const taken = planShipment(null, { carrier: 'fedex', input: { trackingNumber: 'T4', orderNumber: '#4' } }, fromOrder);
    expect(taken.row).toMatchObject({ customerId: 'c1', customerEmail: 'ana@x.com', customerPhone: '+34612345678', customerName: 'Ana', customerLocale: 'es' });
    const own = planShipment(null, { carrier: 'fedex', input: { trackingNumber: 'T5', orderNumber: '#4', customer: { email: 'gift@x.com' } } }, fromOrder);
    expect(own.row).toMatchObject({ customerId: null, customerEmail: 'gift@x.com' });
  });
});
