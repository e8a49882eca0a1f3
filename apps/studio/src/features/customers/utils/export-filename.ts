import type { CustomerExport } from '@postino/api-contract';

/** "customer-3f2a…-2026-11-25.json": the customer's id, not its name, so the file name holds no personal data. */
export function exportFilename(data: Pick<CustomerExport, 'exportedAt'> & { customer: { id: string } }): string {
  const day = data.exportedAt.slice(0, 10);
  return `customer-${data.customer.id}-${day}.json`;
}
