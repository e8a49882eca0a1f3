import type { FieldWidget, WidgetProps } from './widget';

function TextField({ inputId, value, onChange, issues }: WidgetProps) {
  return (
    <input
      id={inputId}
      type="text"
      value={typeof value === 'string' ? value : ''}
      aria-invalid={issues.length > 0 || undefined}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

export const textWidget: FieldWidget = { Component: TextField, blank: () => '' };
