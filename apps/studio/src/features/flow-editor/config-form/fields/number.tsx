import { inputFromNumber, numberFromInput } from '../utils/inputs';
import type { FieldWidget, WidgetProps } from './widget';

function NumberField({ inputId, value, onChange, issues }: WidgetProps) {
  return (
    <input
      id={inputId}
      type="number"
      inputMode="numeric"
      className="config-form__number"
      value={inputFromNumber(value)}
      aria-invalid={issues.length > 0 || undefined}
      onChange={(event) => onChange(numberFromInput(event.target.value))}
    />
  );
}

export const numberWidget: FieldWidget = { Component: NumberField, blank: () => undefined };
