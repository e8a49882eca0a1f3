import type { CustomerView } from '@postino/api-contract';

type NamedCustomer = Pick<CustomerView, 'name' | 'firstName' | 'email' | 'erasedAt'>;

/** What to call a customer on screen: the name, else the first name, else the e-mail. */
export function customerName(customer: NamedCustomer): string {
  const name = customer.name?.trim() || customer.firstName?.trim() || customer.email?.trim();
  if (name) return name;
  return customer.erasedAt ? 'Erased customer' : 'Unnamed customer';
}
