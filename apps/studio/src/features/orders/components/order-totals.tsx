import type { OrderView } from '@postino/api-contract';
import { formatMoney } from '../../../lib/format-money';
import '../orders.css';

/** Subtotal, discounts, shipping and total as the shop charged them. */
export function OrderTotals({ order }: { order: OrderView }) {
  const money = (amount: string) => formatMoney(amount, order.currency);
  return (
    <dl className="order-totals">
      <div>
        <dt>Subtotal</dt>
        <dd>{money(order.subtotal)}</dd>
      </div>
      <div>
        <dt>Discounts</dt>
        <dd>{Number(order.discounts) > 0 ? `−${money(order.discounts)}` : money(order.discounts)}</dd>
      </div>
      <div>
        <dt>Shipping</dt>
        <dd>{money(order.shipping)}</dd>
      </div>
      <div className="order-totals__total">
        <dt>Total</dt>
        <dd>{money(order.total)}</dd>
      </div>
    </dl>
  );
}
