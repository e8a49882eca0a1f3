import { describe, expect, it } from 'vitest';
import { configIssues } from '../../config-issues';
import { conditionNodeType, evaluateCondition } from '../condition';
import { runFacts } from '../../facts/run-facts.fixture';
import { normalizeTag, TAG_MAX_LENGTH, tagNodeType } from './tag';

const { configSchema } = tagNodeType;

describe('tag node type', () => {
  it('is an action with one "next" exit and no references', () => {
    const config = configSchema.parse({ target: 'shipment', tags: ['vip'] });
    expect(tagNodeType.kind).toBe('action');
    expect(tagNodeType.ports(config).map((port) => port.id)).toEqual(['next']);
    expect(tagNodeType.references(config)).toEqual([]);
  });

  it('adds by default, and stores tags trimmed, in lower case, inner spaces collapsed, each once', () => {
    expect(configSchema.parse({ target: 'customer', tags: ['  VIP ', 'vip', 'Late   Parcel'] })).toEqual({
      target: 'customer',
      action: 'add',
      tags: ['vip', 'late parcel'],
    });
    expect(normalizeTag(' Über\tFan ')).toBe('über fan');
  });

  it('starts without tags, so the editor asks for one, in the marketer’s language', () => {
    expect(configIssues(tagNodeType, tagNodeType.defaultConfig, 'es')).toEqual([{ path: ['tags'], message: 'Escribe al menos una etiqueta.' }]);
  });

  it('refuses empty, too long and comma-holding tags, too many tags and unknown targets or actions', () => {
    expect(configIssues(tagNodeType, { target: 'customer', tags: ['ok', '  '] }, 'de')).toEqual([
      { path: ['tags', 1], message: `Jeder Tag braucht 1 bis ${TAG_MAX_LENGTH} Zeichen, ohne Kommas.` },
    ]);
    expect(configIssues(tagNodeType, { target: 'customer', tags: ['a'.repeat(TAG_MAX_LENGTH + 1)] })).toHaveLength(1);
    expect(configIssues(tagNodeType, { target: 'customer', tags: ['a'.repeat(TAG_MAX_LENGTH)] })).toEqual([]);
    expect(configIssues(tagNodeType, { target: 'customer', tags: ['a,b'] })).toHaveLength(1);
    expect(configIssues(tagNodeType, { target: 'customer', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'it')).toEqual([
      { path: ['tags'], message: 'Usa al massimo 10 tag in un nodo.' },
    ]);
    expect(configIssues(tagNodeType, { target: 'order', tags: ['x'] }, 'fr')).toEqual([
      { path: ['target'], message: "Choisissez d'étiqueter l'envoi ou son client." },
    ]);
    expect(configIssues(tagNodeType, { target: 'shipment', action: 'toggle', tags: ['x'] })).toEqual([
      { path: ['action'], message: 'Choose whether to add or remove the tags.' },
    ]);
  });

  it('summarizes what it does and the tags', () => {
    expect(tagNodeType.summary({ target: 'customer', action: 'add', tags: ['vip', 'returns'] }, 'en')).toBe('Tag customer: vip, returns');
    expect(tagNodeType.summary({ target: 'shipment', action: 'remove', tags: ['late'] }, 'es')).toBe('Quitar etiqueta al envío: late');
    expect(tagNodeType.summary(tagNodeType.defaultConfig, 'de')).toBe('Kunden markieren');
  });

  it('gives the shipment tags a condition can ask about', () => {
    const condition = conditionNodeType.configSchema.parse({ groups: [{ rules: [{ fact: 'shipment.tags', operator: 'has_any_of', value: ['Late Parcel'] }] }] });
    expect(evaluateCondition(condition, runFacts({ shipment: { tags: ['late parcel'] } }))).toBe(true);
    expect(evaluateCondition(condition, runFacts())).toBe(false);
  });
});
