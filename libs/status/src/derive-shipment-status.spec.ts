import { describe, expect, it } from 'vitest';
import { deriveShipmentStatus, type StatusEvent } from './derive-shipment-status';
import type { Status } from './status';
import type { Substatus } from './substatus';

interface TestEvent extends StatusEvent {
  id: string;
}

let nextSequence = 0;
function event(id: string, status: Status | null, at: string, substatus: Substatus | null = null, sequence?: number): TestEvent {
  return { id, status, substatus, occurredAt: new Date(at), sequence: sequence ?? nextSequence++ };
}

function decidingId(events: TestEvent[]): string | null {
  return deriveShipmentStatus(events).event?.id ?? null;
}

/** Every permutation of a small list: the decision must not depend on arrival order. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('deriveShipmentStatus', () => {
  it('is pending with no events', () => {
    expect(deriveShipmentStatus([])).toEqual({ status: 'pending', substatus: null, event: null });
  });

  it('is pending when every event is informational', () => {
    const events = [event('note', null, '2025-03-01T10:00:00Z'), event('note2', null, '2025-03-02T10:00:00Z')];
    expect(deriveShipmentStatus(events)).toEqual({ status: 'pending', substatus: null, event: null });
  });

  it('follows the latest event and returns it as the deciding event', () => {
    const outForDelivery = event('ofd', 'out_for_delivery', '2025-03-03T07:00:00Z');
    const result = deriveShipmentStatus([
      event('label', 'info_received', '2025-03-01T10:00:00Z', 'label_created'),
      event('pickup', 'in_transit', '2025-03-01T18:00:00Z', 'picked_up'),
      outForDelivery,
    ]);
    expect(result).toEqual({ status: 'out_for_delivery', substatus: null, event: outForDelivery });
    expect(result.event).toBe(outForDelivery);
  });

  it('carries the substatus of the deciding event', () => {
    const result = deriveShipmentStatus([
      event('pickup', 'in_transit', '2025-03-01T18:00:00Z', 'picked_up'),
      event('customs', 'exception', '2025-03-02T09:00:00Z', 'customs_hold'),
    ]);
    expect(result).toMatchObject({ status: 'exception', substatus: 'customs_hold' });
  });

  it('ignores informational events even when they are the latest', () => {
    const events = [
      event('pickup', 'in_transit', '2025-03-01T18:00:00Z', 'picked_up'),
      event('options-changed', null, '2025-03-02T09:00:00Z'),
    ];
    expect(deriveShipmentStatus(events)).toMatchObject({ status: 'in_transit', substatus: 'picked_up' });
  });

  it('gives the same answer whatever order the events arrived in', () => {
    const events = [
      event('label', 'info_received', '2025-03-01T10:00:00Z'),
      event('pickup', 'in_transit', '2025-03-01T18:00:00Z'),
      event('attempt', 'failed_attempt', '2025-03-03T12:00:00Z', 'recipient_unavailable'),
      event('ofd', 'out_for_delivery', '2025-03-03T07:00:00Z'),
    ];
    for (const arrival of permutations(events)) expect(decidingId(arrival)).toBe('attempt');
  });

  it('lets a late-arriving older scan not override a newer one', () => {
    const delivered = event('delivered', 'delivered', '2025-03-03T12:00:00Z', null, 1);
    const lateTransitScan = event('transit', 'in_transit', '2025-03-02T08:00:00Z', null, 2);
    expect(decidingId([delivered, lateTransitScan])).toBe('delivered');
  });

  it('is unaffected by duplicated events', () => {
    const events = [
      event('pickup', 'in_transit', '2025-03-01T18:00:00Z', null, 1),
      event('ofd', 'out_for_delivery', '2025-03-03T07:00:00Z', null, 2),
      event('pickup-again', 'in_transit', '2025-03-01T18:00:00Z', null, 3),
    ];
    const ofd = events[1];
    expect(deriveShipmentStatus([...events, ofd, ofd]).status).toBe('out_for_delivery');
    expect(deriveShipmentStatus([...events, ofd, ofd]).event).toBe(ofd);
  });

  describe('terminal statuses', () => {
    it('stays delivered when the carrier re-sends label data afterwards', () => {
      const events = [
        event('ofd', 'out_for_delivery', '2025-03-03T07:00:00Z'),
        event('delivered', 'delivered', '2025-03-03T12:00:00Z', 'signed_for'),
        event('label-again', 'info_received', '2025-03-04T02:00:00Z', 'label_created'),
      ];
      expect(deriveShipmentStatus(events)).toMatchObject({ status: 'delivered', substatus: 'signed_for' });
    });

    it('stays delivered when a later event says pending', () => {
      const events = [
        event('delivered', 'delivered', '2025-03-03T12:00:00Z'),
        event('pending', 'pending', '2025-03-05T12:00:00Z'),
      ];
      expect(decidingId(events)).toBe('delivered');
    });

    it('stays returned when label data comes after it', () => {
      const events = [
        event('returned', 'returned', '2025-03-10T12:00:00Z', 'returning_to_sender'),
        event('label-again', 'info_received', '2025-03-11T12:00:00Z'),
      ];
      expect(decidingId(events)).toBe('returned');
    });

    it('gives way to a later real movement', () => {
      const events = [
        event('delivered', 'delivered', '2025-03-03T12:00:00Z'),
        event('label-again', 'info_received', '2025-03-04T02:00:00Z'),
        event('still-moving', 'in_transit', '2025-03-04T09:00:00Z'),
      ];
      for (const arrival of permutations(events)) expect(decidingId(arrival)).toBe('still-moving');
    });

    it('gives way from delivered to a later return', () => {
      const events = [
        event('delivered', 'delivered', '2025-03-03T12:00:00Z'),
        event('returned', 'returned', '2025-03-06T12:00:00Z', 'returning_to_sender'),
      ];
      expect(deriveShipmentStatus(events)).toMatchObject({ status: 'returned', substatus: 'returning_to_sender' });
    });

    it('ignores label data re-sent after real movement replaced the terminal status', () => {
      const events = [
        event('delivered', 'delivered', '2025-03-03T12:00:00Z'),
        event('moving', 'in_transit', '2025-03-04T09:00:00Z'),
        event('relabelled', 'info_received', '2025-03-05T09:00:00Z'),
      ];
      expect(decidingId(events)).toBe('moving');
    });

    it('never moves a parcel in transit back to "label created"', () => {
      const events = [
        event('label', 'info_received', '2025-03-01T10:00:00Z'),
        event('moving', 'in_transit', '2025-03-02T09:00:00Z'),
        event('label-again', 'info_received', '2025-03-02T18:00:00Z'),
      ];
      for (const arrival of permutations(events)) expect(decidingId(arrival)).toBe('moving');
    });
  });

  describe('events at the same instant', () => {
    const at = '2025-03-03T12:00:00Z';

    it('prefers the status further along the lifecycle', () => {
      const events = [event('delivered', 'delivered', at, null, 1), event('ofd', 'out_for_delivery', at, null, 2)];
      for (const arrival of permutations(events)) expect(decidingId(arrival)).toBe('delivered');
    });

    it('does not let label data stamped with the delivery time undo it', () => {
      const events = [event('delivered', 'delivered', at, null, 1), event('label', 'info_received', at, null, 2)];
      for (const arrival of permutations(events)) expect(decidingId(arrival)).toBe('delivered');
    });

    it('falls back to the later ingested event for the same status', () => {
      const first = event('first', 'exception', at, 'address_issue', 1);
      const second = event('second', 'exception', at, 'customs_hold', 2);
      for (const arrival of permutations([first, second])) {
        expect(deriveShipmentStatus(arrival)).toMatchObject({ substatus: 'customs_hold', event: second });
      }
    });
  });

  it('does not reorder the caller array', () => {
    const events = [
      event('later', 'in_transit', '2025-03-02T10:00:00Z'),
      event('earlier', 'info_received', '2025-03-01T10:00:00Z'),
    ];
    deriveShipmentStatus(events);
    expect(events.map((e) => e.id)).toEqual(['later', 'earlier']);
  });
});
