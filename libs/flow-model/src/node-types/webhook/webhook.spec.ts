import { describe, expect, it } from 'vitest';
import { configIssues } from '../../config-issues';
import { webhookNodeType } from './webhook';

const { configSchema } = webhookNodeType;

describe('webhook node type', () => {
  it('is an action with one "next" exit and no references', () => {
    const config = configSchema.parse({ url: 'https://shop.example.com/hooks/postino' });
    expect(webhookNodeType.kind).toBe('action');
    expect(webhookNodeType.ports(config).map((port) => port.id)).toEqual(['next']);
    expect(webhookNodeType.references(config)).toEqual([]);
  });

  it('holds a trimmed http(s) URL', () => {
    expect(configSchema.parse({ url: ' https://shop.example.com/h?x=1 ' })).toEqual({ url: 'https://shop.example.com/h?x=1' });
    expect(configIssues(webhookNodeType, { url: 'http://127.0.0.1:4000/hooks' })).toEqual([]);
  });

  it('starts empty, so the editor asks for a URL in the marketer’s language', () => {
    expect(configIssues(webhookNodeType, webhookNodeType.defaultConfig, 'it')).toEqual([
      { path: ['url'], message: "Inserisci l'URL da chiamare, che inizi con https://." },
    ]);
  });

  it.each(['shop.example.com/hooks', 'ftp://shop.example.com/x', 'https://user:pw@shop.example.com/x', 'javascript:alert(1)', 'https://'])(
    'refuses %s with a localized message',
    (url) => {
      expect(configIssues(webhookNodeType, { url }, 'es')).toEqual([
        { path: ['url'], message: 'Introduce una dirección web como https://shop.example.com/hooks/postino, sin usuario ni contraseña.' },
      ]);
    },
  );

  it('refuses a URL longer than the limit', () => {
    expect(configIssues(webhookNodeType, { url: `https://shop.example.com/${'a'.repeat(2000)}` }, 'de')).toEqual([
      { path: ['url'], message: 'Die URL darf höchstens 2000 Zeichen lang sein.' },
    ]);
  });

  it('summarizes itself with the host it calls', () => {
    expect(webhookNodeType.summary({ url: 'https://erp.example.com:8443/in' }, 'fr')).toBe('Webhook · erp.example.com:8443');
    expect(webhookNodeType.summary(webhookNodeType.defaultConfig, 'en')).toBe('Webhook');
  });
});
