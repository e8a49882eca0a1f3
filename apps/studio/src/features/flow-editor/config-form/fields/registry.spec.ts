import { NODE_TYPES, type NodeType, UI_WIDGETS } from '@postino/flow-model';
import { describe, expect, it } from 'vitest';
import { formFields } from '../utils/form-model';
import { FIELD_WIDGETS, widgetOf } from './registry';

describe('field widget registry', () => {
  it('has a widget for every kind of field the UI hints can name', () => {
    const missing = UI_WIDGETS.filter((widget) => typeof FIELD_WIDGETS[widget]?.Component !== 'function');
    expect(missing).toEqual([]);
    expect(Object.keys(FIELD_WIDGETS).sort()).toEqual([...UI_WIDGETS].sort());
  });

  it('draws every hinted field of every node type', () => {
    for (const nodeType of Object.values<NodeType>(NODE_TYPES)) {
      for (const field of formFields(nodeType)) expect(widgetOf(field.hints.widget), `${nodeType.type}.${field.key}`).toBeDefined();
    }
  });

  it('knows no widget by an inherited name', () => {
    expect(widgetOf('toString')).toBeUndefined();
  });
});
