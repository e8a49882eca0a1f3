import { NODE_TYPES, type NodeType } from '@postino/flow-model';
import { LOCALES } from '@postino/status';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NodeConfigForm } from '.';
import { formFields, formValuesOf, visibleFields } from './utils/form-model';

const render = (nodeType: NodeType, config: unknown, locale: (typeof LOCALES)[number] = 'en') =>
  renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <NodeConfigForm nodeType={nodeType} config={config} locale={locale} onChange={() => undefined} />
    </QueryClientProvider>,
  );

// The markup escapes quotes and apostrophes, so labels are looked for as React writes them.
const escaped = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll("'", '&#x27;').replaceAll('<', '&lt;');

describe('NodeConfigForm', () => {
  it("renders every node type's default config, in every language, with its fields' labels", () => {
    for (const nodeType of Object.values<NodeType>(NODE_TYPES)) {
      for (const locale of LOCALES) {
        const html = render(nodeType, nodeType.defaultConfig, locale);
        for (const field of visibleFields(nodeType, formFields(nodeType), formValuesOf(nodeType.defaultConfig))) {
          expect(html, `${nodeType.type}.${field.key} (${locale})`).toContain(escaped(field.hints.label[locale]));
        }
      }
    }
  });

  it('renders a config a broken draft holds without failing', () => {
    for (const nodeType of Object.values<NodeType>(NODE_TYPES)) {
      expect(() => render(nodeType, null)).not.toThrow();
      expect(() => render(nodeType, { groups: 'x', variants: 3, cases: [null], window: 'y', duration: 5, quietHours: 7 })).not.toThrow();
    }
  });

  it("draws the chosen wait mode's fields only", () => {
    const html = render(NODE_TYPES.wait as NodeType, { mode: 'status', statuses: ['delivered'], timeout: { amount: 3, unit: 'days' } });
    expect(html).toContain('Give up after');
    expect(html).not.toContain('Days and hours');
  });

  it('shows the live total of the A/B shares with the holdout', () => {
    const html = render(NODE_TYPES.ab_split as NodeType, { variants: [{ id: 'a', weight: 40 }, { id: 'b', weight: 40 }], holdout: 10 });
    expect(html).toContain('Total: 90 %');
    expect(html).toContain('config-form__total--off');
  });

  it('writes a long text in a box of several lines, a short one on one line', () => {
    const html = render(NODE_TYPES.alert_team as NodeType, { title: 'Parcel lost', note: 'Call the customer', language: 'en' });
    expect(html).toMatch(/<input[^>]*value="Parcel lost"/);
    expect(html).toMatch(/<textarea[^>]*>Call the customer<\/textarea>/);
  });
});
