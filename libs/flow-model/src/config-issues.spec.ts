import { describe, expect, it } from 'vitest';
import { configMessageTranslator } from './config-issues';
import { NODE_TYPES } from './node-type-registry';

describe('configMessageTranslator', () => {
  it("gives a node type's own message in the locale, and passes other texts unchanged", () => {
    const translate = configMessageTranslator(NODE_TYPES.send_email, 'de');

    expect(translate('Choose an email template.')).toBe('Wählen Sie eine E-Mail-Vorlage.');
    expect(translate('Ungültige Eingabe')).toBe('Ungültige Eingabe');
  });
});
