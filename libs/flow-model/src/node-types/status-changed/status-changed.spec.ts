import { describe, expect, it } from 'vitest';
import type { Status } from '@postino/status';
import { configIssues } from '../../config-issues';
import { SHIPMENT_STATUS_CHANGED, type FlowEvent } from '../../flow-events';
import { statusChangedNodeType } from './status-changed';

const { configSchema, matches, stillHolds, summary } = statusChangedNodeType;

const statusChanged = (from: Status | null, to: Status, carrier: string | undefined = 'fedex'): FlowEvent => ({
  type: SHIPMENT_STATUS_CHANGED,
  payload: { merchantId: 'm', shipmentId: 's', from, to, substatus: null, eventId: null, carrier },
});

describe('status_changed node type', () => {
  it('is a trigger listening to status changes, with one "next" exit', () => {
    expect(statusChangedNodeType.kind).toBe('trigger');
    expect(statusChangedNodeType.listensTo).toEqual([SHIPMENT_STATUS_CHANGED]);
    expect(statusChangedNodeType.ports(statusChangedNodeType.defaultConfig).map((port) => port.id)).toEqual(['next']);
  });

  it('starts with a valid default config', () => {
    expect(configSchema.safeParse(statusChangedNodeType.defaultConfig).success).toBe(true);
  });

  it('accepts any set of standard statuses', () => {
    expect(configSchema.safeParse({ statuses: ['out_for_delivery', 'delivered'] }).success).toBe(true);
  });

  it.each([
    [{ statuses: [] }, 'Choose at least one status.'],
    [{ statuses: ['delivered', 'delivered'] }, 'Each status can be chosen only once.'],
    [{}, 'Choose the statuses that start this flow.'],
    [{ statuses: ['shipped'] }, 'Choose a status from the list.'],
    [{ statuses: ['delivered'], from: ['shipped'] }, 'Choose a status from the list.'],
    [{ statuses: ['delivered'], from: ['in_transit', 'in_transit'] }, 'Each status can be chosen only once.'],
    [{ statuses: ['delivered'], carriers: ['acme'] }, 'Choose a carrier from the list.'],
    [{ statuses: ['delivered'], carriers: 'fedex' }, 'Choose a carrier from the list.'],
    [{ statuses: ['delivered'], carriers: ['fedex', 'fedex'] }, 'Each carrier can be chosen only once.'],
  ])('rejects %j', (config, message) => {
    const result = configSchema.safeParse(config);

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('words its config errors in the marketer’s language', () => {
    expect(configIssues(statusChangedNodeType, { statuses: [] }, 'it')).toEqual([
      { path: ['statuses'], message: 'Scegli almeno uno stato.' },
    ]);
    expect(configIssues(statusChangedNodeType, { statuses: ['delivered', 'shipped'] }, 'fr')).toEqual([
      { path: ['statuses', 1], message: 'Choisissez un statut dans la liste.' },
    ]);
  });

  it('matches when the new status is one of the chosen ones', () => {
    const config = configSchema.parse({ statuses: ['out_for_delivery', 'delivered'] });

    expect(matches(config, statusChanged('in_transit', 'delivered'))).toBe(true);
    expect(matches(config, statusChanged(null, 'out_for_delivery'))).toBe(true);
  });

  it('with a from-set, matches only a shipment coming from one of those statuses — never a first status', () => {
    const config = configSchema.parse({ statuses: ['delivered'], from: ['out_for_delivery'] });

    expect(matches(config, statusChanged('out_for_delivery', 'delivered'))).toBe(true);
    expect(matches(config, statusChanged('in_transit', 'delivered'))).toBe(false);
    expect(matches(config, statusChanged(null, 'delivered'))).toBe(false);
  });

  it('with a carrier filter, matches only those carriers; an event stored without its carrier does not pass one', () => {
    const config = configSchema.parse({ statuses: ['delivered'], carriers: ['usps', 'dhl-express'] });

    expect(matches(config, statusChanged('in_transit', 'delivered', 'usps'))).toBe(true);
    expect(matches(config, statusChanged('in_transit', 'delivered', 'fedex'))).toBe(false);
    expect(matches(config, statusChanged('in_transit', 'delivered', undefined))).toBe(false);
  });

  it('keeps the meaning of a stored { statuses } config: any previous status, any carrier (old events too)', () => {
    const stored = { statuses: ['delivered'] as Status[] };

    expect(matches(stored, statusChanged(null, 'delivered', undefined))).toBe(true);
    expect(matches({ ...stored, from: [], carriers: [] }, statusChanged('in_transit', 'delivered', 'usps'))).toBe(true);
  });

  it('does not match other new statuses, even when leaving a chosen one', () => {
    expect(matches({ statuses: ['delivered'] }, statusChanged('delivered', 'returned'))).toBe(false);
  });

  it('still holds while the shipment is in the status that started the run, and no longer once it moved on', () => {
    const config = { statuses: ['out_for_delivery', 'delivered'] as Status[] };
    const event = statusChanged('in_transit', 'out_for_delivery');

    const present = (status: Status) => ({ shipment: { status, lastScanAt: null, promisedDeliveryDate: null } });

    expect(stillHolds(config, event, present('out_for_delivery'))).toBe(true);
    expect(stillHolds(config, event, present('delivered'))).toBe(false);
  });

  it('summarizes the chosen statuses in each locale', () => {
    const config = { statuses: ['out_for_delivery', 'delivered'] as Status[] };

    expect(summary(config, 'en')).toBe('Status becomes Out for delivery or Delivered');
    expect(summary(config, 'es')).toBe('El estado pasa a En reparto o Entregado');
    expect(summary({ statuses: ['delivered'] }, 'de')).toBe('Status wechselt zu Zugestellt');
  });

  it('summarizes the from-set and the carriers too', () => {
    const config = { statuses: ['delivered'] as Status[], from: ['out_for_delivery'] as Status[], carriers: ['fedex', 'usps'] };

    expect(summary(config, 'en')).toBe('Status becomes Delivered from Out for delivery (FedEx or USPS)');
    expect(summary(config, 'it')).toBe('Lo stato diventa Consegnato da In consegna (FedEx o USPS)');
  });
});
