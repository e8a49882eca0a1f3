import { addressLines } from '../utils/address-lines';
import '../orders.css';

export function ShippingAddress({ address }: { address: Record<string, string> | null }) {
  const lines = addressLines(address);
  if (lines.length === 0) return <p className="muted">No shipping address.</p>;
  return (
    <address className="address">
      {lines.map((line, index) => (
        <span key={index}>{line}</span>
      ))}
      {address?.phone && <span className="muted small">{address.phone}</span>}
    </address>
  );
}
