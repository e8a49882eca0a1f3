import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { decodeKeyset, encodeKeyset, pageOf } from './keyset-cursor';

const position = { at: '2026-11-25T10:00:00.123456Z', id: '6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f' };
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('keyset cursor', () => {
  it('round-trips with the microseconds', () => {
    expect(decodeKeyset(encodeKeyset(position))).toEqual(position);
  });

  it.each([['garbage'], [encode(['2026-02-30T00:00:00.000000Z', position.id])], [encode([position.at, 'nope'])], [encode({})]])(
    'refuses %s naming cursor',
    (cursor) => {
      expect(() => decodeKeyset(cursor)).toThrow(ApiError);
      try {
        decodeKeyset(cursor);
      } catch (error) {
        expect((error as ApiError).details).toEqual([expect.objectContaining({ field: 'cursor' })]);
      }
    },
  );

  it('pages: a next cursor only when there was one row more', () => {
    const rows = [1, 2, 3].map((n) => ({ id: position.id, cursorAt: position.at, n }));
    expect(pageOf(rows, 2, (r) => r.n)).toEqual({ items: [1, 2], nextCursor: encodeKeyset(position) });
    expect(pageOf(rows, 3, (r) => r.n).nextCursor).toBeNull();
  });
});
