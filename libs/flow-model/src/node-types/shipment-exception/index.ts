export { shipmentExceptionNodeType } from './shipment-exception';
export type { ShipmentExceptionConfig } from './shipment-exception';
