import { FORM_TEXT } from '../messages';
import { timeFromInput, toggleIn } from '../utils/inputs';
import { IssueList } from './issue-list';
import type { FieldWidget, WidgetProps } from './widget';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

interface WindowValue {
  days?: string[];
  start?: string;
  end?: string;
}

/** The locale's short name of a weekday; 2024-01-01 was a Monday. */
function dayName(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day))));
}

function LocalTimeWindowField({ inputId, labelId, value, onChange, locale, issues }: WidgetProps) {
  const window = (typeof value === 'object' && value !== null ? value : {}) as WindowValue;
  const days = Array.isArray(window.days) ? window.days : [];
  const invalid = (key: string) => issues.some((issue) => issue.path[0] === key) || undefined;
  return (
    <>
      <div className="config-form__toggles" role="group" aria-labelledby={labelId} aria-invalid={invalid('days')}>
        {WEEKDAYS.map((day, index) => (
          <label key={day} className="config-form__toggle">
            <input
              id={index === 0 ? inputId : undefined}
              type="checkbox"
              checked={days.includes(day)}
              onChange={() => onChange({ ...window, days: toggleIn(days, day, WEEKDAYS) })}
            />
            {dayName(day, locale)}
          </label>
        ))}
      </div>
      <div className="config-form__row">
        <label className="config-form__inline">
          {FORM_TEXT.from[locale]}
          <input type="time" value={window.start ?? ''} aria-invalid={invalid('start')} onChange={(event) => onChange({ ...window, start: timeFromInput(event.target.value) })} />
        </label>
        <label className="config-form__inline">
          {FORM_TEXT.until[locale]}
          <input type="time" value={window.end ?? ''} aria-invalid={invalid('end')} onChange={(event) => onChange({ ...window, end: timeFromInput(event.target.value) })} />
        </label>
      </div>
      <IssueList issues={issues} />
    </>
  );
}

export const localTimeWindowWidget: FieldWidget = {
  Component: LocalTimeWindowField,
  blank: () => ({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }),
};
