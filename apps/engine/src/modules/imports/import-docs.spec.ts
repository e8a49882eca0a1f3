import { IMPORT_KINDS } from '@postino/api-contract';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_KIND_REGISTRY } from './kinds';

describe('the documented CSV columns', () => {
  const docs = readFileSync(resolve(__dirname, '../../../../../docs/csv-import.md'), 'utf8');

  it.each(IMPORT_KINDS)('docs/csv-import.md has a table row for every %s column, marked required as the engine requires it', (kind) => {
    for (const column of IMPORT_KIND_REGISTRY[kind].columns) {
      expect(docs).toMatch(new RegExp(`^\\| ${column.name} \\| ${column.required ? 'yes ' : ' ?'}\\|`, 'm'));
    }
  });
});
