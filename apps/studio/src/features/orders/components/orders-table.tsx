import type { OrderView } from '@postino/api-contract';
import { Link, useNavigate } from 'react-router-dom';
import { countNoun } from '../../../lib/count-noun';
import { formatMoney } from '../../../lib/format-money';
import { formatDateTime } from '../../../lib/format-time';
import { itemCount } from '../utils/line-total';
import { OrderStatusChip } from './order-status-chip';
import '../orders.css';

export function orderPath(id: string): string {
  return `/orders/${encodeURIComponent(id)}`;
}

interface OrdersTableProps {
  orders: OrderView[];
  caption?: string;
  /** Beside one customer, the "Ship to" column says nothing new. */
  showShipTo?: boolean;
}

export function OrdersTable({ orders, caption = 'Orders', showShipTo = true }: OrdersTableProps) {
  const navigate = useNavigate();

  return (
    <div className="table-wrapper">
      <table className="table table--interactive">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Placed</th>
            <th scope="col">Status</th>
            {showShipTo && <th scope="col">Ship to</th>}
            <th scope="col">Items</th>
            <th scope="col" className="numeric">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            // The order-number link is the keyboard and screen-reader route; the row click is a mouse shortcut.
            <tr key={order.id} onClick={() => navigate(orderPath(order.id))}>
              <td>
                <Link className="mono" to={orderPath(order.id)} onClick={(event) => event.stopPropagation()}>
                  {order.number}
                </Link>
              </td>
              <td>
                <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time>
              </td>
              <td>
                <OrderStatusChip status={order.status} />
              </td>
              {showShipTo && (
                <td>
                  {order.shippingAddress?.name ?? <span className="muted">—</span>}
                  {order.shippingAddress?.city && <div className="muted small">{order.shippingAddress.city}</div>}
                </td>
              )}
              <td>{countNoun(itemCount(order.lineItems), 'item', 'items')}</td>
              <td className="numeric">{formatMoney(order.total, order.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
