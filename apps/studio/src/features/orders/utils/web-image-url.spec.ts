import { describe, expect, it } from 'vitest';
import { webImageUrl } from './web-image-url';

describe('webImageUrl', () => {
  it('keeps http(s) addresses', () => {
    expect(webImageUrl('https://cdn.example.com/mug.jpg')).toBe('https://cdn.example.com/mug.jpg');
    expect(webImageUrl('http://localhost:3000/demo/mug.jpg')).toBe('http://localhost:3000/demo/mug.jpg');
  });

  it('drops anything else', () => {
    expect(webImageUrl('javascript:alert(1)')).toBeNull();
    expect(webImageUrl('data:image/png;base64,AAAA')).toBeNull();
    expect(webImageUrl('/relative.png')).toBeNull();
    expect(webImageUrl(null)).toBeNull();
  });
});
