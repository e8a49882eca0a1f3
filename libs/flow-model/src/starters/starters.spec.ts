import { LOCALES } from '@postino/status';
import { describe, expect, it } from 'vitest';
import { getNodeType } from '../node-type-registry';
import { validateFlow } from '../validate-flow';
import { STARTER_FLOWS } from './index';

const TEMPLATE_ID = '0b5e2f38-62a4-4f6f-9a52-7f0e3f1f6a01';

/** What the marketer does after starting from a starter: choose a template in every node that asks for one. */
function withTemplatesChosen(document: (typeof STARTER_FLOWS)[number]['document']) {
  return {
    ...document,
    nodes: document.nodes.map((node) =>
      getNodeType(node.type)?.references({ ...node.config, templateId: TEMPLATE_ID }).length
        ? { ...node, config: { ...node.config, templateId: TEMPLATE_ID } }
        : node,
    ),
  };
}

describe('starter flows', () => {
  it('offers the four starters of the brief, each under its own id', () => {
    expect(STARTER_FLOWS.map((starter) => starter.id)).toEqual([
      'classic_three',
      'out_for_delivery_ab',
      'review_request',
      'exception_apology',
    ]);
  });

  it.each(STARTER_FLOWS.map((starter) => [starter.id, starter] as const))(
    '%s is named and described in every studio language',
    (_id, starter) => {
      for (const locale of LOCALES) {
        expect(starter.name[locale].length).toBeGreaterThan(3);
        expect(starter.description[locale].length).toBeGreaterThan(10);
      }
    },
  );

  it.each(STARTER_FLOWS.map((starter) => [starter.id, starter] as const))(
    '%s only asks the marketer to choose templates, then publishes as drawn',
    (_id, starter) => {
      const asDrawn = validateFlow(starter.document);
      expect(asDrawn.ok).toBe(false);
      const messages = asDrawn.ok ? [] : asDrawn.issues.map((issue) => issue.message);
      expect(new Set(messages)).toEqual(new Set(['Choose an email template.']));
      expect(validateFlow(withTemplatesChosen(starter.document))).toEqual({
        ok: true,
        flow: withTemplatesChosen(starter.document),
      });
    },
  );

  it('draws no two nodes of a starter on the same spot', () => {
    for (const starter of STARTER_FLOWS) {
      const spots = starter.document.nodes.map((node) => `${node.position.x},${node.position.y}`);
      expect(new Set(spots).size).toBe(spots.length);
    }
  });
});
