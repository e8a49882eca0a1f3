import { createEmailTemplateRequestSchema, updateEmailTemplateRequestSchema } from '@postino/api-contract';
import { describe, expect, it } from 'vitest';

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('email template requests', () => {
  it('limits the MJML to 500 KB counted in bytes, not characters', () => {
    expect(createEmailTemplateRequestSchema.safeParse({ name: 'a', mjml: 'a'.repeat(500 * 1024) }).success).toBe(true);
    // 300 K two-byte characters: under the limit in characters, over it in bytes.
    const accented = updateEmailTemplateRequestSchema.safeParse({ mjml: 'é'.repeat(300 * 1024) });
    expect(fieldsOf(accented)).toEqual(['mjml']);
  });

  it('names the field that is too long', () => {
    expect(fieldsOf(createEmailTemplateRequestSchema.safeParse({ name: 'n'.repeat(201) }))).toEqual(['name']);
    expect(fieldsOf(createEmailTemplateRequestSchema.safeParse({ name: 'n', subject: 's'.repeat(501) }))).toEqual([
      'subject',
    ]);
  });

  it('refuses a blank name', () => {
    expect(fieldsOf(createEmailTemplateRequestSchema.safeParse({ name: '   ' }))).toEqual(['name']);
  });
});
