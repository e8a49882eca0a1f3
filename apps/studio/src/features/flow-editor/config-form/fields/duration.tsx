import { FORM_TEXT } from '../messages';
import { inputFromNumber, numberFromInput } from '../utils/inputs';
import { IssueList } from './issue-list';
import type { FieldWidget, WidgetProps } from './widget';

const UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;

interface DurationValue {
  amount?: number;
  unit?: string;
}

function DurationField({ inputId, labelId, value, onChange, locale, issues }: WidgetProps) {
  const duration = (typeof value === 'object' && value !== null ? value : {}) as DurationValue;
  return (
    <>
      <div className="config-form__row" role="group" aria-labelledby={labelId}>
        <input
          id={inputId}
          type="number"
          min={0}
          className="config-form__number"
          value={inputFromNumber(duration.amount)}
          aria-invalid={issues.some((issue) => issue.path[0] !== 'unit') || undefined}
          onChange={(event) => onChange({ ...duration, amount: numberFromInput(event.target.value) })}
        />
        <select value={duration.unit ?? ''} aria-label={FORM_TEXT.unit[locale]} onChange={(event) => onChange({ ...duration, unit: event.target.value })}>
          {UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {FORM_TEXT[unit][locale]}
            </option>
          ))}
        </select>
      </div>
      <IssueList issues={issues} />
    </>
  );
}

export const durationWidget: FieldWidget = { Component: DurationField, blank: () => ({ amount: 1, unit: 'days' }) };
