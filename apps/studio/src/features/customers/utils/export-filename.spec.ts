import { describe, expect, it } from 'vitest';
import { exportFilename } from './export-filename';

describe('exportFilename', () => {
  it('names the file after the customer id and the export day', () => {
    expect(
      exportFilename({ exportedAt: '2026-11-25T10:00:00.000Z', customer: { id: '0b7c4b5e-1111-4222-8333-944445555666' } }),
    ).toBe('customer-0b7c4b5e-1111-4222-8333-944445555666-2026-11-25.json');
  });
});
