import { FORM_TEXT } from '../messages';
import { timeFromInput } from '../utils/inputs';
import { IssueList } from './issue-list';
import type { FieldWidget, WidgetProps } from './widget';

interface OwnHours {
  start?: string;
  end?: string;
}

/** Which of the three a value is: the shop's (also when absent), none, or the node's own window. */
export function quietHoursMode(value: unknown): 'shop_default' | 'none' | 'own' {
  if (value === 'none') return 'none';
  return typeof value === 'object' && value !== null ? 'own' : 'shop_default';
}

const OWN_DEFAULT = { start: '21:00', end: '08:00' };

function QuietHoursField({ inputId, labelId, value, onChange, locale, issues }: WidgetProps) {
  const mode = quietHoursMode(value);
  const own = (mode === 'own' ? value : OWN_DEFAULT) as OwnHours;
  const choices = [
    ['shop_default', FORM_TEXT.shopQuietHours[locale], 'shop_default'],
    ['none', FORM_TEXT.noQuietHours[locale], 'none'],
    ['own', FORM_TEXT.ownQuietHours[locale], OWN_DEFAULT],
  ] as const;
  return (
    <>
      <div className="config-form__radios" role="radiogroup" aria-labelledby={labelId}>
        {choices.map(([id, label, next], index) => (
          <label key={id} className="config-form__toggle">
            <input id={index === 0 ? inputId : undefined} type="radio" name={inputId} checked={mode === id} onChange={() => onChange(next)} />
            {label}
          </label>
        ))}
      </div>
      {mode === 'own' && (
        <div className="config-form__row">
          <label className="config-form__inline">
            {FORM_TEXT.from[locale]}
            <input type="time" value={own.start ?? ''} onChange={(event) => onChange({ ...own, start: timeFromInput(event.target.value) })} />
          </label>
          <label className="config-form__inline">
            {FORM_TEXT.until[locale]}
            <input type="time" value={own.end ?? ''} onChange={(event) => onChange({ ...own, end: timeFromInput(event.target.value) })} />
          </label>
        </div>
      )}
      <IssueList issues={issues} />
    </>
  );
}

export const quietHoursWidget: FieldWidget = { Component: QuietHoursField, blank: () => 'shop_default' };
