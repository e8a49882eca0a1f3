import { STATUSES, statusLabel } from '@postino/status';
import { listOf, OptionSet } from './option-set';
import type { FieldWidget, WidgetProps } from './widget';

function StatusPicker({ inputId, labelId, value, onChange, locale, issues }: WidgetProps) {
  const options = STATUSES.map((status) => ({ value: status, label: statusLabel(status, locale) }));
  return <OptionSet id={inputId} labelId={labelId} options={options} selected={listOf(value)} onChange={onChange} locale={locale} invalid={issues.length > 0} />;
}

export const statusPicker: FieldWidget = { Component: StatusPicker, blank: () => [] };
