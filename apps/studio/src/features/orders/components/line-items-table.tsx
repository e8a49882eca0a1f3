import type { OrderView } from '@postino/api-contract';
import { formatMoney } from '../../../lib/format-money';
import { lineTotal } from '../utils/line-total';
import { webImageUrl } from '../utils/web-image-url';
import '../orders.css';

export function LineItemsTable({ order }: { order: OrderView }) {
  if (order.lineItems.length === 0) return <p className="muted">The shop sent this order without line items.</p>;

  return (
    <div className="table-wrapper">
      <table className="table">
        <caption className="visually-hidden">Line items</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Image</span>
            </th>
            <th scope="col">Product</th>
            <th scope="col">SKU</th>
            <th scope="col" className="numeric">
              Quantity
            </th>
            <th scope="col" className="numeric">
              Unit price
            </th>
            <th scope="col" className="numeric">
              Line total
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lineItems.map((item, index) => {
            const image = webImageUrl(item.imageUrl);
            const total = lineTotal(item.unitPrice, item.quantity, order.currency);
            return (
              <tr key={`${item.variantId ?? item.productId ?? item.sku ?? item.title}-${index}`}>
                <td className="line-item__image-cell">
                  {image ? (
                    <img className="line-item__image" src={image} alt="" loading="lazy" referrerPolicy="no-referrer" />
                  ) : (
                    <span className="line-item__image line-item__image--empty" aria-hidden="true" />
                  )}
                </td>
                <td>
                  {item.title}
                  {item.variantId && <div className="muted small">Variant {item.variantId}</div>}
                </td>
                <td>{item.sku ? <code>{item.sku}</code> : <span className="muted">—</span>}</td>
                <td className="numeric">{item.quantity}</td>
                <td className="numeric">{formatMoney(item.unitPrice, order.currency)}</td>
                <td className="numeric">{total === null ? '—' : formatMoney(total, order.currency)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
