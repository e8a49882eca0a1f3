export interface NavItem {
  to: string;
  label: string;
}

export const navItems: readonly NavItem[] = [
  { to: '/shipments', label: 'Shipments' },
  { to: '/orders', label: 'Orders' },
  { to: '/customers', label: 'Customers' },
  { to: '/flows', label: 'Flows' },
  { to: '/templates', label: 'Templates' },
  { to: '/tracking-page', label: 'Tracking page' },
  { to: '/analytics', label: 'Analytics' },
  { to: '/outbox', label: 'Outbox' },
  { to: '/import', label: 'Import' },
  { to: '/settings', label: 'Settings' },
];
