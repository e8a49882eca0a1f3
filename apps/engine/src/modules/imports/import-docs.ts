import { IMPORT_KINDS } from '@postino/api-contract';
import { IMPORT_KIND_REGISTRY } from './kinds';

/** Every kind's columns as Markdown tables, for the OpenAPI description of the upload. */
export function describeColumns(): string {
  return IMPORT_KINDS.map((name) => {
    const rows = IMPORT_KIND_REGISTRY[name].columns.map((c) => `| ${c.name} | ${c.required ? 'yes' : ''} | ${c.description} |`);
    return [`**kind=${name}** (example: GET /api/v1/imports/templates/${name}.csv)`, '', '| column | required | meaning |', '| --- | --- | --- |', ...rows].join('\n');
  }).join('\n\n');
}
