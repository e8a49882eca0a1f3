export { shipmentStalledNodeType } from './shipment-stalled';
export type { ShipmentStalledConfig } from './shipment-stalled';
