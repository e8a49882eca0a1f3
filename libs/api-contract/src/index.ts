export * from './common';
export * from './auth';
export * from './api-keys';
export * from './shipments';
export * from './email-templates';
export * from './flows';
