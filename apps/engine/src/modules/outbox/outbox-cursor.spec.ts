import { describe, expect, it } from 'vitest';
import { decodeOutboxCursor, encodeOutboxCursor } from './outbox-cursor';

const cursor = { receivedAt: '2025-11-25T10:00:00.123456Z', id: '6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f' };

describe('outbox cursor', () => {
  it('round-trips, keeping the microseconds', () => {
    expect(decodeOutboxCursor(encodeOutboxCursor(cursor))).toEqual(cursor);
  });

  it('is URL-safe', () => {
    expect(encodeOutboxCursor(cursor)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('rejects what it did not produce', () => {
    expect(decodeOutboxCursor('not a cursor')).toBeNull();
    expect(decodeOutboxCursor(Buffer.from('["yesterday","x"]').toString('base64url'))).toBeNull();
    expect(decodeOutboxCursor(encodeOutboxCursor({ ...cursor, id: "1' OR '1'='1" }))).toBeNull();
  });
});
