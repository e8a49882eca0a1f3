import type { OrderStatus } from '@postino/api-contract';
import type { ChipTone } from '../../../components/chip';

export const orderStatusTones: Record<OrderStatus, ChipTone> = { open: 'blue', cancelled: 'gray', refunded: 'amber' };

export const orderStatusLabels: Record<OrderStatus, string> = { open: 'Open', cancelled: 'Cancelled', refunded: 'Refunded' };
