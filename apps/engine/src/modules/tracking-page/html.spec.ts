import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html';

describe('html', () => {
  it('escapes interpolated text, quotes included', () => {
    expect(html`<p title="${`"x"`}">${'<script>alert(1)</script> & co'}</p>`.value).toBe(
      '<p title="&quot;x&quot;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>',
    );
  });

  it('inserts nested html as markup, once', () => {
    const inner = html`<b>${'a<b'}</b>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><b>a&lt;b</b></p>');
  });

  it('joins arrays and prints nothing for null, undefined and false', () => {
    expect(html`${['<i>', html`<br>`]}${null}${undefined}${false}${0}`.value).toBe('&lt;i&gt;<br>0');
  });

  it("escapes single quotes for attributes written with them", () => {
    expect(escapeHtml("it's")).toBe('it&#39;s');
  });
});
