import { describe, expect, it } from 'vitest';
import { SAMPLE_TEMPLATE_VARIABLES } from '../sample-template-variables';
import type { TemplateVariables } from '../template-variables';
import { prepareSmsTemplate, renderSms, sampleSmsSegments, smsTextSyntaxError } from './sms-template';

const render = (text: string, variables: TemplateVariables = SAMPLE_TEMPLATE_VARIABLES) => renderSms(prepareSmsTemplate(text), variables);

const withCustomer = (name: string): TemplateVariables => ({
  ...SAMPLE_TEMPLATE_VARIABLES,
  customer: { ...SAMPLE_TEMPLATE_VARIABLES.customer, name, first_name: name },
});

describe('renderSms', () => {
  it('fills in the same merge tags as e-mails, the tracking page link included', () => {
    expect(render('Hi {{ customer.first_name }}, {{ shipment.status_label }}: {{ tracking_url }}')).toBe(
      'Hi Giulia, In transit: https://track.example.com/t/1Z999AA10123456784',
    );
  });

  it('escapes nothing: an SMS is plain text', () => {
    expect(render('{{ customer.first_name }} & co <3', withCustomer('Ana & "Bo" <b>'))).toBe('Ana & "Bo" <b> & co <3');
  });

  it('removes control characters from the data and the text, keeping line breaks as LF', () => {
    expect(render('Hi {{ customer.first_name }}!\r\nSee you', withCustomer('Ana\u0000\u0007\u001b[31m\u0085'))).toBe('Hi Ana[31m!\nSee you');
    expect(render('one\u2028two\rthree')).toBe('one\ntwo\nthree');
  });

  it('never evaluates data as a template', () => {
    expect(render('{{ customer.first_name }}', withCustomer('{{ merchant.name }}'))).toBe('{{ merchant.name }}');
  });

  it('trims the blank lines Liquid tags leave around the text', () => {
    expect(render('{% if shipment.order_number %}\nOrder {{ shipment.order_number }}\n{% endif %}\n')).toBe('Order #1042');
  });
});

describe('smsTextSyntaxError', () => {
  it('accepts plain text and well-formed merge tags', () => {
    expect(smsTextSyntaxError('Your parcel is on its way')).toBeNull();
    expect(smsTextSyntaxError('{{ customer.first_name | default: "there" }}')).toBeNull();
  });

  it('names what is wrong with a broken tag or an unknown filter', () => {
    expect(smsTextSyntaxError('Hi {{ customer.first_name')).toMatch(/not closed/);
    expect(smsTextSyntaxError('{{ customer.first_name | shout }}')).toMatch(/shout/);
  });

  it('refuses tags that would read other templates', () => {
    expect(smsTextSyntaxError('{% include "other" %}')).toMatch(/not available/);
  });
});

describe('sampleSmsSegments', () => {
  it('counts the text as sent with sample data, the link as long as a real tracking link', () => {
    // "Giulia, your parcel: " (21) + a 60-character link.
    expect(sampleSmsSegments('{{ customer.first_name }}, your parcel: {{ tracking_url }}')).toEqual({
      encoding: 'GSM-7',
      characters: 81,
      units: 81,
      segments: 1,
    });
    expect(sampleSmsSegments('{{ customer.first_name }}, tu paquete está en camino 📦')).toMatchObject({ encoding: 'UCS-2', segments: 1 });
  });

  it('has no count for a text that does not parse', () => {
    expect(sampleSmsSegments('{% if %}')).toBeNull();
  });
});
