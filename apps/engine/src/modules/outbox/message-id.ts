/**
 * A Message-ID as `messages.message_id` stores it: without the angle brackets (and surrounding blanks) that the
 * header, and so mailparser, carries. `<abc@shop.example>` → `abc@shop.example`; nothing left → null.
 * The repository's SQL join strips the same characters (`btrim`), so what it matches is what this returns.
 */
export function normalizeMessageId(value: string | null | undefined): string | null {
  const bare = (value ?? '').replace(/^[\s<>]+|[\s<>]+$/g, '');
  return bare === '' ? null : bare;
}
