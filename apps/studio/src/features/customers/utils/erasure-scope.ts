import { CUSTOMER_DETAIL_LIMIT, type CustomerDetail } from '@postino/api-contract';
import { countNoun } from '../../../lib/count-noun';

/** "the customer and its 2 orders and 1 shipment": what an erasure touches, leaving out what it has none of. */
export function erasureScope(customer: Pick<CustomerDetail, 'orders' | 'shipments' | 'messages'>): string {
  const parts = [
    [customer.orders.length, 'order', 'orders'],
    [customer.shipments.length, 'shipment', 'shipments'],
    [customer.messages.length, 'message', 'messages'],
  ] as const;
  const named = parts
    .filter(([count]) => count > 0)
    .map(([count, singular, plural]) => countNoun(count, singular, plural, CUSTOMER_DETAIL_LIMIT));
  if (named.length === 0) return 'the customer';
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
  return `the customer and its ${list}`;
}
