import { describe, expect, it } from 'vitest';
import { senderIdOf } from './sender-id';

describe('senderIdOf', () => {
  it('sends as the shop, in the 11 ASCII letters, digits and spaces networks show', () => {
    expect(senderIdOf('Northwind')).toBe('Northwind');
    expect(senderIdOf('Northwind Goods Ltd')).toBe('Northwind G');
    expect(senderIdOf('Café Müller')).toBe('Cafe Muller');
    expect(senderIdOf("L'Atelier & Co.")).toBe('LAtelier Co');
    expect(senderIdOf('  Shop   24  ')).toBe('Shop 24');
  });

  it('leaves the sender to the provider when the name has no letter left', () => {
    expect(senderIdOf('24/7')).toBeNull();
    expect(senderIdOf('東京ストア')).toBeNull();
    expect(senderIdOf('')).toBeNull();
  });
});
