export { STATUSES, type Status, statusSchema, isTerminalStatus, statusOrder } from './status';
export { SUBSTATUSES, type Substatus, substatusSchema } from './substatus';
export { LOCALES, type Locale, localeSchema, DEFAULT_LOCALE, resolveLocale } from './locale';
export { statusLabel } from './status-labels';
export { substatusLabel } from './substatus-labels';
export { deriveShipmentStatus, type StatusEvent, type DerivedShipmentStatus } from './derive-shipment-status';
