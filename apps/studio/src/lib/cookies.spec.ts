import { describe, expect, it } from 'vitest';
import { readCookie } from './cookies';

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('theme=dark; postino_csrf=abc%2B123; other=1', 'postino_csrf')).toBe('abc+123');
  });

  it('does not match a cookie whose name merely ends with the wanted name', () => {
    expect(readCookie('x_postino_csrf=wrong', 'postino_csrf')).toBeUndefined();
  });

  it('keeps values containing "=" whole', () => {
    expect(readCookie('postino_csrf=a=b==', 'postino_csrf')).toBe('a=b==');
  });

  it('returns undefined when there are no cookies', () => {
    expect(readCookie('', 'postino_csrf')).toBeUndefined();
  });
});
