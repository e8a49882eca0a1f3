import type { FieldWidget, WidgetProps } from './widget';

function ToggleField({ inputId, value, onChange }: WidgetProps) {
  return <input id={inputId} type="checkbox" className="config-form__checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />;
}

export const toggleWidget: FieldWidget = { Component: ToggleField, blank: () => false };
