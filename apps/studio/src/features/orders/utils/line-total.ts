import { fromMinorUnits, toMinorUnits } from '@postino/api-contract';

/** Quantity × unit price, computed in minor units so "0.10" × 3 is exactly "0.30"; null if unreadable. */
export function lineTotal(unitPrice: string, quantity: number, currency: string): string | null {
  const minor = toMinorUnits(unitPrice, currency);
  return minor === null ? null : fromMinorUnits(minor * quantity, currency);
}

/** How many pieces an order holds, over all its lines. */
export function itemCount(lineItems: readonly { quantity: number }[]): number {
  return lineItems.reduce((sum, item) => sum + item.quantity, 0);
}
