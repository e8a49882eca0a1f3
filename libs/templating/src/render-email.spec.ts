import { describe, expect, it } from 'vitest';
import { compileEmailTemplate } from './compile-email-template';
import { DEFAULT_EMAIL_TEMPLATE } from './default-email-template';
import { prepareEmailTemplate } from './prepare-email-template';
import { renderEmail } from './render-email';
import { SAMPLE_TEMPLATE_VARIABLES } from './sample-template-variables';
import { TemplateVariables } from './template-variables';

function prepare(subject: string, body: string) {
  const compiled = compileEmailTemplate({
    subject,
    mjml: `<mjml><mj-body><mj-section><mj-column>${body}</mj-column></mj-section></mj-body></mjml>`,
  });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  return prepareEmailTemplate(compiled);
}

function withCustomerName(name: string): TemplateVariables {
  return {
    ...SAMPLE_TEMPLATE_VARIABLES,
    customer: { ...SAMPLE_TEMPLATE_VARIABLES.customer, name, first_name: name },
  };
}

describe('renderEmail', () => {
  it('fills merge tags in subject, html and text', () => {
    const prepared = prepare(
      'Order {{ shipment.order_number }} is {{ shipment.status_label }}',
      '<mj-text>Hi {{ customer.first_name }}</mj-text><mj-button href="{{ tracking_url }}">Track your order</mj-button>',
    );

    const email = renderEmail(prepared, SAMPLE_TEMPLATE_VARIABLES);

    expect(email.subject).toBe('Order #1042 is In transit');
    expect(email.html).toContain('Hi Giulia');
    expect(email.html).toContain(`href="${SAMPLE_TEMPLATE_VARIABLES.tracking_url}"`);
    expect(email.text).toContain('Hi Giulia');
    expect(email.text).toContain(`Track your order [${SAMPLE_TEMPLATE_VARIABLES.tracking_url}]`);
  });

  it('HTML-escapes data in the html body', () => {
    const prepared = prepare('Hi', '<mj-text>Hi {{ customer.name }}</mj-text>');

    const email = renderEmail(prepared, withCustomerName('<script>alert(1)</script> & "Ann"'));

    expect(email.html).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;Ann&#34;');
    expect(email.html).not.toContain('<script>');
  });

  it('escapes data placed inside an attribute, so it cannot close the attribute', () => {
    const prepared = prepare('Hi', '<mj-button href="{{ tracking_url }}">Track</mj-button>');

    const email = renderEmail(prepared, { ...SAMPLE_TEMPLATE_VARIABLES, tracking_url: 'https://t.example/?a=1&b="><img src=x>' });

    expect(email.html).toContain('href="https://t.example/?a=1&amp;b=&#34;&gt;&lt;img src=x&gt;"');
  });

  it('shows the customer their own name as typed in the plain-text version', () => {
    const prepared = prepare('Hi', '<mj-text>Hi {{ customer.name }}</mj-text>');

    const email = renderEmail(prepared, withCustomerName('Tom & "Ann" <3'));

    expect(email.text).toBe('Hi Tom & "Ann" <3');
  });

  it('keeps the subject on one line, so data cannot inject mail headers', () => {
    const prepared = prepare('Hello {{ customer.name }}, your order', '<mj-text>x</mj-text>');

    const email = renderEmail(prepared, withCustomerName('Ann\r\nBcc: victim@example.com'));

    expect(email.subject).toBe('Hello Ann Bcc: victim@example.com, your order');
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it('does not HTML-escape the subject, which is plain text', () => {
    const prepared = prepare('News for {{ customer.name }}', '<mj-text>x</mj-text>');

    expect(renderEmail(prepared, withCustomerName('Tom & Ann')).subject).toBe('News for Tom & Ann');
  });

  it('never evaluates Liquid typed into the data', () => {
    const prepared = prepare('Hi {{ customer.name }}', '<mj-text>Hi {{ customer.name }}</mj-text>');

    const email = renderEmail(prepared, withCustomerName('{{ 7*7 }}{% if true %}yes{% endif %}'));

    expect(email.subject).toBe('Hi {{ 7*7 }}{% if true %}yes{% endif %}');
    expect(email.html).toContain('Hi {{ 7*7 }}{% if true %}yes{% endif %}');
    expect(email.text).toBe('Hi {{ 7*7 }}{% if true %}yes{% endif %}');
  });

  it('renders unknown variables as empty', () => {
    const prepared = prepare('Hi {{ customer.nickname }}!', '<mj-text>[{{ coupon.code }}]</mj-text>');

    const email = renderEmail(prepared, SAMPLE_TEMPLATE_VARIABLES);

    expect(email.subject).toBe('Hi !');
    expect(email.text).toBe('[]');
  });

  it('renders Liquid conditions against the data', () => {
    const prepared = prepare(
      'x',
      '<mj-text>{% if shipment.last_event %}Latest: {{ shipment.last_event.description }}{% else %}No news yet{% endif %}</mj-text>',
    );

    expect(renderEmail(prepared, SAMPLE_TEMPLATE_VARIABLES).text).toBe('Latest: Arrived at facility');
    expect(
      renderEmail(prepared, { ...SAMPLE_TEMPLATE_VARIABLES, shipment: { ...SAMPLE_TEMPLATE_VARIABLES.shipment, last_event: null } })
        .text,
    ).toBe('No news yet');
  });

  it('reuses one prepared template for many messages', () => {
    const prepared = prepare('Hi {{ customer.first_name }}', '<mj-text>Dear {{ customer.first_name }}</mj-text>');
    const names = Array.from({ length: 200 }, (_, index) => `Customer ${index}`);

    const emails = names.map((name) => renderEmail(prepared, withCustomerName(name)));

    expect(emails.map((email) => email.subject)).toEqual(names.map((name) => `Hi ${name}`));
    expect(emails.map((email) => email.text)).toEqual(names.map((name) => `Dear ${name}`));
  });

  it('renders the default template into a complete status update', () => {
    const compiled = compileEmailTemplate(DEFAULT_EMAIL_TEMPLATE);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));

    const email = renderEmail(prepareEmailTemplate(compiled), SAMPLE_TEMPLATE_VARIABLES);

    expect(email.subject).toBe('Northwind Goods: your order #1042 is in transit');
    expect(email.text).toContain('Northwind Goods');
    expect(email.text).toContain('Hi Giulia,');
    expect(email.text).toContain('In transit');
    expect(email.text).toContain(`Track your order [${SAMPLE_TEMPLATE_VARIABLES.tracking_url}]`);
    expect(email.text).toContain('Arrived at facility – Milan, IT');
    expect(email.text).toContain('UPS tracking number: 1Z999AA10123456784');
    expect(email.html).not.toMatch(/\{\{|\{%/);
  });

  it('renders the default template for a shipment with little data yet', () => {
    const compiled = compileEmailTemplate(DEFAULT_EMAIL_TEMPLATE);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const sparse: TemplateVariables = {
      ...SAMPLE_TEMPLATE_VARIABLES,
      customer: { name: null, first_name: null, last_name: null, email: 'buyer@example.com' },
      shipment: {
        ...SAMPLE_TEMPLATE_VARIABLES.shipment,
        substatus: null,
        substatus_label: null,
        order_number: null,
        last_event: null,
      },
    };

    const email = renderEmail(prepareEmailTemplate(compiled), sparse);

    expect(email.subject).toBe('Northwind Goods: your order is in transit');
    expect(email.text).toContain('Hello,');
    expect(email.text).toContain('Here is the latest news about your order.');
    expect(email.text).toContain('We will let you know as soon as the carrier reports news.');
  });
});
