import { FORM_TEXT } from '../messages';
import type { FieldWidget, WidgetProps } from './widget';

/** Few options as radio buttons, more as a list. */
const RADIOS_UP_TO = 4;

function ChoiceField({ field, inputId, labelId, value, onChange, locale, issues }: WidgetProps) {
  const options = Object.entries(field.hints.options ?? {}).map(([option, label]) => ({ value: option, label: label[locale] }));
  const invalid = issues.length > 0 || undefined;
  if (options.length <= RADIOS_UP_TO) {
    return (
      <div className="config-form__radios" role="radiogroup" aria-labelledby={labelId} aria-invalid={invalid}>
        {options.map((option, index) => (
          <label key={option.value} className="config-form__toggle">
            <input
              id={index === 0 ? inputId : undefined}
              type="radio"
              name={inputId}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
    );
  }
  return (
    <select id={inputId} value={typeof value === 'string' ? value : ''} aria-invalid={invalid} onChange={(event) => onChange(event.target.value || undefined)}>
      <option value="">{FORM_TEXT.choose[locale]}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

export const choiceWidget: FieldWidget = { Component: ChoiceField, blank: () => undefined };
