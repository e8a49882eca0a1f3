import { describe, expect, it } from 'vitest';
import { sendEmailNodeType } from './send-email';

const { configSchema } = sendEmailNodeType;

describe('send_email node type', () => {
  it('is an action with one "next" exit', () => {
    expect(sendEmailNodeType.kind).toBe('action');
    expect(sendEmailNodeType.outputs.map((port) => port.id)).toEqual(['next']);
  });

  it('accepts a template id', () => {
    const config = { templateId: '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e' };

    expect(configSchema.parse(config)).toEqual(config);
  });

  it.each([{ templateId: '' }, { templateId: 'welcome' }, {}])('asks for a template when given %j', (config) => {
    const result = configSchema.safeParse(config);

    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['templateId'], message: 'Choose an email template.' })]);
  });

  it('starts without a template, so the editor asks the marketer to choose one', () => {
    expect(configSchema.safeParse(sendEmailNodeType.defaultConfig).success).toBe(false);
  });

  it('has no recipient setting: it always emails the shipment customer', () => {
    expect(configSchema.parse({ templateId: '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e', to: 'someone@else.example' })).not.toHaveProperty('to');
  });
});
