export { shipmentCreatedNodeType } from './shipment-created';
export type { ShipmentCreatedConfig } from './shipment-created';
