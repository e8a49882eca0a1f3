import type { OrderStatus } from '@postino/api-contract';
import { Chip } from '../../../components/chip';
import { orderStatusLabels, orderStatusTones } from '../utils/order-status';

export function OrderStatusChip({ status }: { status: OrderStatus }) {
  return (
<Chip tone={orderStatusTones[status]}>{orderStatusLabels[status]}</Chip>
  );
}
