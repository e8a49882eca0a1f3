import { SUBSTATUSES, substatusLabel } from '@postino/status';
import { listOf, OptionSet } from './option-set';
import type { FieldWidget, WidgetProps } from './widget';

function SubstatusPicker({ inputId, labelId, value, onChange, locale, issues }: WidgetProps) {
  const options = SUBSTATUSES.map((substatus) => ({ value: substatus, label: substatusLabel(substatus, locale) }));
  return <OptionSet id={inputId} labelId={labelId} options={options} selected={listOf(value)} onChange={onChange} locale={locale} invalid={issues.length > 0} />;
}

export const substatusPicker: FieldWidget = { Component: SubstatusPicker, blank: () => [] };
