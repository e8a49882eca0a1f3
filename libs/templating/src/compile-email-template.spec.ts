import { describe, expect, it } from 'vitest';
import { compileEmailTemplate } from './compile-email-template';
import { DEFAULT_EMAIL_TEMPLATE } from './default-email-template';

const mjmlWith = (content: string) => `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        ${content}
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

describe('compileEmailTemplate', () => {
  it('compiles MJML to HTML and keeps the subject', () => {
    const result = compileEmailTemplate({ subject: 'Your order', mjml: mjmlWith('<mj-text>Hello</mj-text>') });

    expect(result).toMatchObject({ ok: true, subject: 'Your order' });
    if (!result.ok) return;
    expect(result.html).toMatch(/^<!doctype html>/i);
    expect(result.html).toContain('Hello');
  });

  it('keeps Liquid merge tags intact through MJML compilation', () => {
    const result = compileEmailTemplate({
      subject: 'Update',
      mjml: mjmlWith(`<mj-text>Hi {{ customer.first_name }}{% if shipment.last_event %}, latest: {{ shipment.last_event.description }}{% endif %}</mj-text>
        <mj-button href="{{ tracking_url }}">Track</mj-button>`),
    });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.html).toContain(
      'Hi {{ customer.first_name }}{% if shipment.last_event %}, latest: {{ shipment.last_event.description }}{% endif %}',
    );
    expect(result.html).toContain('href="{{ tracking_url }}"');
  });

  it('reports MJML errors with the line of the offending tag', () => {
    const result = compileEmailTemplate({ subject: 'Update', mjml: mjmlWith('<mj-txt>Typo</mj-txt>') });

    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'mjml', line: 5, message: expect.stringContaining('mj-txt') }],
    });
  });

  it('reports a document that is not MJML at all, without a line', () => {
    const result = compileEmailTemplate({ subject: 'Update', mjml: 'Hello, plain text' });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([{ field: 'mjml', line: null, message: expect.any(String) }]);
  });

  it('reports Liquid syntax errors in the MJML with their source line', () => {
    const result = compileEmailTemplate({
      subject: 'Update',
      mjml: mjmlWith('<mj-text>{% if shipment.last_event %}never closed</mj-text>'),
    });

    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'mjml', line: 5, message: expect.stringMatching(/^Liquid: .*not closed/) }],
    });
  });

  it('reports Liquid syntax errors in the subject with their line', () => {
    const result = compileEmailTemplate({ subject: 'Order {{ shipment.order_number ', mjml: mjmlWith('<mj-text>x</mj-text>') });

    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'subject', line: 1, message: expect.stringContaining('not closed') }],
    });
  });

  it('rejects unknown filters at publish time rather than at send time', () => {
    const result = compileEmailTemplate({ subject: '{{ customer.name | shout }}', mjml: mjmlWith('<mj-text>x</mj-text>') });

    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'subject', line: 1, message: expect.stringContaining('undefined filter: shout') }],
    });
  });

  it('rejects an empty subject', () => {
    const result = compileEmailTemplate({ subject: '  ', mjml: mjmlWith('<mj-text>x</mj-text>') });

    expect(result).toEqual({ ok: false, errors: [{ field: 'subject', line: null, message: 'The subject is empty.' }] });
  });

  it('reports subject and MJML problems together', () => {
    const result = compileEmailTemplate({ subject: '{{ x', mjml: mjmlWith('<mj-txt>x</mj-txt>') });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field)).toEqual(['subject', 'mjml']);
  });

  it.each(['include', 'render', 'layout'])('refuses {%% %s %%}: templates cannot read files', (tag) => {
    const result = compileEmailTemplate({
      subject: 'Update',
      mjml: mjmlWith(`<mj-text>{% ${tag} "../../etc/passwd" %}</mj-text>`),
    });

    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'mjml', line: 5, message: expect.stringContaining(`{% ${tag} %}`) }],
    });
  });

  it('ignores mj-include, which would read files from the server', () => {
    const result = compileEmailTemplate({
      subject: 'Update',
      mjml: mjmlWith('<mj-include path="/etc/passwd" type="html" />'),
    });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.html).not.toContain('root:');
  });

  it('compiles the default template', () => {
    const result = compileEmailTemplate(DEFAULT_EMAIL_TEMPLATE);

    expect(result).toMatchObject({ ok: true, subject: DEFAULT_EMAIL_TEMPLATE.subject });
  });
});
