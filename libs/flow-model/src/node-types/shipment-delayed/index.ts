export { shipmentDelayedNodeType } from './shipment-delayed';
export type { ShipmentDelayedConfig } from './shipment-delayed';
