import type { FieldWidget, WidgetProps } from './widget';

function TextField({ field, inputId, value, onChange, issues }: WidgetProps) {
  const shared = {
    id: inputId,
    value: typeof value === 'string' ? value : '',
    'aria-invalid': issues.length > 0 || undefined,
  };
  return field.hints.multiline ? (
    <textarea {...shared} rows={4} className="config-form__textarea" onChange={(event) => onChange(event.target.value)} />
  ) : (
    <input {...shared} type="text" onChange={(event) => onChange(event.target.value)} />
  );
}

export const textWidget: FieldWidget = { Component: TextField, blank: () => '' };
