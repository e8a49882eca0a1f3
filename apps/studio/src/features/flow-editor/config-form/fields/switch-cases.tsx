import { type EnumFact, getFact } from '@postino/flow-model';
import { FORM_TEXT } from '../messages';
import { casesOf, type CaseValue, nextCaseId, valuesTakenElsewhere } from '../utils/cases-model';
import { issuesUnder } from '../utils/form-model';
import { IssueList } from './issue-list';
import { OptionSet } from './option-set';
import type { FieldWidget, WidgetProps } from './widget';

/** The values a case can lead on: the options of the fact the linked field names. */
function optionsOf(factId: unknown, locale: WidgetProps['locale']) {
  const fact = typeof factId === 'string' ? getFact(factId) : undefined;
  if (fact?.type !== 'enum') return [];
  const enumFact = fact as EnumFact;
  return enumFact.options().map((option) => ({ value: option, label: enumFact.optionLabel(option, locale) }));
}

function SwitchCasesField({ field, inputId, labelId, value, onChange, locale, issues, values }: WidgetProps) {
  const cases = casesOf(value);
  const options = optionsOf(field.hints.linkedField ? values[field.hints.linkedField] : undefined, locale);
  const update = (index: number, change: Partial<CaseValue>) => onChange(cases.map((entry, at) => (at === index ? { ...entry, ...change } : entry)));
  return (
    <div className="config-form__list" role="group" aria-labelledby={labelId}>
      {cases.map((entry, index) => {
        const caseIssues = issuesUnder(issues, [index]);
        return (
          <div key={index} className="config-form__item">
            <OptionSet
              id={index === 0 ? inputId : `${inputId}-${index}`}
              options={options}
              selected={entry.values}
              unavailable={valuesTakenElsewhere(cases, index)}
              onChange={(selected) => update(index, { values: selected })}
              locale={locale}
              invalid={caseIssues.some((issue) => issue.path[0] === 'values') || undefined}
            />
            <div className="config-form__row">
              <label className="config-form__inline config-form__grow">
                {FORM_TEXT.exitName[locale]}
                <input type="text" value={entry.label ?? ''} onChange={(event) => update(index, { label: event.target.value || undefined })} />
              </label>
              <label className="config-form__inline">
                {FORM_TEXT.exitId[locale]}
                <input type="text" className="config-form__short" value={entry.id ?? ''} onChange={(event) => update(index, { id: event.target.value })} />
              </label>
              <button type="button" className="button button--ghost button--small" onClick={() => onChange(cases.filter((_, at) => at !== index))}>
                {FORM_TEXT.remove[locale]}
              </button>
            </div>
            <IssueList issues={caseIssues} nested={false} />
          </div>
        );
      })}
      <div>
        <button type="button" className="button button--small" onClick={() => onChange([...cases, { id: nextCaseId(cases), values: [] }])}>
          {FORM_TEXT.addCase[locale]}
        </button>
      </div>
    </div>
  );
}

export const switchCasesWidget: FieldWidget = { Component: SwitchCasesField, blank: () => [] };
