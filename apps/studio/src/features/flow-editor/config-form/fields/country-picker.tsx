import { COUNTRY_CODES, countryName } from '@postino/flow-model';
import { listOf, OptionSet } from './option-set';
import type { FieldWidget, WidgetProps } from './widget';

function CountryPicker({ inputId, labelId, value, onChange, locale, issues }: WidgetProps) {
  const options = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale));
  return <OptionSet id={inputId} labelId={labelId} options={options} selected={listOf(value)} onChange={onChange} locale={locale} invalid={issues.length > 0} />;
}

export const countryPicker: FieldWidget = { Component: CountryPicker, blank: () => [] };
