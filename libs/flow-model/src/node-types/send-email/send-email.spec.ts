import { describe, expect, it } from 'vitest';
import { configIssues } from '../../config-issues';
import { sendEmailNodeType } from './send-email';

const TEMPLATE_ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const { configSchema } = sendEmailNodeType;

describe('send_email node type', () => {
  it('is an action with one "next" exit', () => {
    expect(sendEmailNodeType.kind).toBe('action');
    expect(sendEmailNodeType.ports({ templateId: TEMPLATE_ID, quietHours: 'shop_default' }).map((port) => port.id)).toEqual(['next']);
  });

  it("accepts a template id, keeping the shop's quiet hours unless told otherwise", () => {
    expect(configSchema.parse({ templateId: TEMPLATE_ID })).toEqual({ templateId: TEMPLATE_ID, quietHours: 'shop_default' });
    for (const quietHours of ['none', { start: '20:00', end: '09:00' }] as const) {
      expect(configSchema.parse({ templateId: TEMPLATE_ID, quietHours })).toEqual({ templateId: TEMPLATE_ID, quietHours });
    }
  });

  it('explains a wrong quiet-hours setting in the marketer’s language', () => {
    expect(configIssues(sendEmailNodeType, { templateId: TEMPLATE_ID, quietHours: { start: '9', end: '08:00' } }, 'es')).toEqual([
      { path: ['quietHours', 'start'], message: 'Elige las horas de silencio de la tienda, ninguna, o dos horas como 21:00 y 08:00.' },
    ]);
  });

  it.each([{ templateId: '' }, { templateId: 'welcome' }, {}])('asks for a template when given %j', (config) => {
    const result = configSchema.safeParse(config);

    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['templateId'], message: 'Choose an email template.' })]);
  });

  it('asks for a template in the marketer’s language', () => {
    expect(configIssues(sendEmailNodeType, { templateId: '' }, 'de')).toEqual([
      { path: ['templateId'], message: 'Wählen Sie eine E-Mail-Vorlage.' },
    ]);
  });

  it('starts without a template, so the editor asks the marketer to choose one', () => {
    expect(configSchema.safeParse(sendEmailNodeType.defaultConfig).success).toBe(false);
  });

  it('has no recipient setting: it always emails the shipment customer', () => {
    expect(configSchema.parse({ templateId: TEMPLATE_ID, to: 'someone@else.example' })).not.toHaveProperty('to');
  });

  it('references its template, so publishing can check it is published', () => {
    expect(sendEmailNodeType.references({ templateId: TEMPLATE_ID, quietHours: 'shop_default' })).toEqual([
      { kind: 'email_template', id: TEMPLATE_ID, path: ['templateId'] },
    ]);
  });

  it('references nothing while no real template id is chosen', () => {
    expect(sendEmailNodeType.references(sendEmailNodeType.defaultConfig)).toEqual([]);
    expect(sendEmailNodeType.references({ templateId: 'welcome', quietHours: 'shop_default' })).toEqual([]);
  });

  it('summarizes itself by what it does', () => {
    expect(sendEmailNodeType.summary({ templateId: TEMPLATE_ID, quietHours: 'shop_default' }, 'fr')).toBe('Envoyer un e-mail');
  });
});
