import { describe, expect, it } from 'vitest';
import { configIssues } from '../../config-issues';
import { SMS_TEXT_MAX_LENGTH, sendSmsNodeType } from './send-sms';

const { configSchema } = sendSmsNodeType;
const TEXT = '{{ merchant.name }}: your order {{ shipment.order_number }} is {{ shipment.status_label }}. {{ tracking_url }}';

describe('send_sms node type', () => {
  it('is an action with one "next" exit', () => {
    expect(sendSmsNodeType.kind).toBe('action');
    expect(sendSmsNodeType.ports({ text: TEXT, quietHours: 'shop_default' }).map((port) => port.id)).toEqual(['next']);
  });

  it("holds its text, keeping the shop's quiet hours unless told otherwise", () => {
    expect(configSchema.parse({ text: TEXT })).toEqual({ text: TEXT, quietHours: 'shop_default' });
    expect(configSchema.parse({ text: `  ${TEXT}\n`, quietHours: 'none' })).toEqual({ text: TEXT, quietHours: 'none' });
  });

  it('starts empty, so the editor asks the marketer to write it', () => {
    expect(configIssues(sendSmsNodeType, sendSmsNodeType.defaultConfig, 'it')).toEqual([
      { path: ['text'], message: "Scrivi il testo dell'SMS." },
    ]);
    expect(configIssues(sendSmsNodeType, { text: '   ' })).toEqual([{ path: ['text'], message: 'Write the text of the SMS.' }]);
  });

  it('refuses a text longer than the limit', () => {
    expect(configIssues(sendSmsNodeType, { text: 'a'.repeat(SMS_TEXT_MAX_LENGTH + 1) }, 'fr')).toEqual([
      { path: ['text'], message: 'Le texte peut compter au plus 1000 caractères.' },
    ]);
  });

  it('refuses broken merge tags at publish, not at the first send', () => {
    expect(configIssues(sendSmsNodeType, { text: 'Hi {{ customer.first_name' }, 'es')).toEqual([
      { path: ['text'], message: 'Corrige las etiquetas: cierra cada {{ }} y {% %}, y usa solo filtros conocidos.' },
    ]);
    expect(configIssues(sendSmsNodeType, { text: '{{ customer.first_name | shout }}' })).toHaveLength(1);
  });

  it('refuses a text that takes more than three SMS with sample data, in GSM-7 or in UCS-2', () => {
    expect(configIssues(sendSmsNodeType, { text: 'a'.repeat(459) })).toEqual([]);
    expect(configIssues(sendSmsNodeType, { text: 'a'.repeat(460) }, 'de')).toEqual([
      {
        path: ['text'],
        message: 'Kürzen Sie den Text: Mit Beispieldaten braucht er mehr als 3 SMS (459 Zeichen, oder 201 mit Emojis oder Buchstaben wie á, ê oder ç).',
      },
    ]);
    expect(configIssues(sendSmsNodeType, { text: 'á'.repeat(201) })).toEqual([]);
    expect(configIssues(sendSmsNodeType, { text: 'á'.repeat(202) })).toHaveLength(1);
    // Merge tags count as what they print: the sample tracking link alone is 60 characters.
    expect(configIssues(sendSmsNodeType, { text: `${'a'.repeat(399)} {{ tracking_url }}` })).toHaveLength(1);
  });

  it('has no recipient setting: it always texts the shipment customer', () => {
    expect(configSchema.parse({ text: TEXT, to: '+34600000000' })).not.toHaveProperty('to');
  });

  it('references nothing outside the flow: the text is part of the published version', () => {
    expect(sendSmsNodeType.references({ text: TEXT, quietHours: 'shop_default' })).toEqual([]);
  });

  it('summarizes itself with the segments its text takes with sample data, and whether it needs Unicode', () => {
    expect(sendSmsNodeType.summary({ text: TEXT, quietHours: 'shop_default' }, 'en')).toBe('Send SMS · 1 segment');
    expect(sendSmsNodeType.summary({ text: 'a'.repeat(200), quietHours: 'shop_default' }, 'it')).toBe('Invia SMS · 2 segmenti');
    expect(sendSmsNodeType.summary({ text: 'Tu pedido está en camino 📦', quietHours: 'shop_default' }, 'es')).toBe(
      'Enviar SMS · 1 segmento · Unicode',
    );
    expect(sendSmsNodeType.summary(sendSmsNodeType.defaultConfig, 'de')).toBe('SMS senden');
  });
});
