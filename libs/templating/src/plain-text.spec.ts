import { describe, expect, it } from 'vitest';
import { htmlToPlainText } from './plain-text';

describe('htmlToPlainText', () => {
  it('turns layout tables into paragraphs rather than text tables', () => {
    const html = `<table><tr><td><div>Hello Ann,</div></td></tr><tr><td><div>Your parcel is on its way.</div></td></tr></table>`;

    expect(htmlToPlainText(html)).toBe('Hello Ann,\n\nYour parcel is on its way.');
  });

  it('keeps link targets next to their text', () => {
    expect(htmlToPlainText('<p><a href="https://t.example/1">Track your order</a></p>')).toBe(
      'Track your order [https://t.example/1]',
    );
  });

  it('leaves out the head, styles, images and the hidden preview line', () => {
    const html = `<html><head><title>T</title><style>.x{color:red}</style></head><body>
      <div style="display:none;font-size:1px;">Preview text</div>
      <img src="https://x/logo.png" alt="Logo" /><p>Body</p></body></html>`;

    expect(htmlToPlainText(html)).toBe('Body');
  });

  it('decodes entities and collapses runs of blank lines', () => {
    const html = '<p>Tom &amp; &quot;Ann&quot;</p><p></p><p></p><p></p><p>Bye</p>';

    expect(htmlToPlainText(html)).toBe('Tom & "Ann"\n\nBye');
  });
});
