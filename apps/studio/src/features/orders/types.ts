import type { OrderStatus } from '@postino/api-contract';

/** The orders list filters as the page URL holds them; days are calendar days in the viewer's time zone. */
export interface OrderFilters {
  status?: OrderStatus;
  /** Part of the order number, or of the customer's e-mail or name. */
  q?: string;
  /** First day placed, YYYY-MM-DD. */
  from?: string;
  /** Last day placed, YYYY-MM-DD, included. */
  to?: string;
  customerId?: string;
}
