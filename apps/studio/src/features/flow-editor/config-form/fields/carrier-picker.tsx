import { listCarriers } from '@postino/carriers';
import { listOf, OptionSet } from './option-set';
import type { FieldWidget, WidgetProps } from './widget';

function CarrierPicker({ inputId, labelId, value, onChange, locale, issues }: WidgetProps) {
  const options = listCarriers().map((carrier) => ({ value: carrier.slug, label: carrier.name }));
  return <OptionSet id={inputId} labelId={labelId} options={options} selected={listOf(value)} onChange={onChange} locale={locale} invalid={issues.length > 0} />;
}

export const carrierPicker: FieldWidget = { Component: CarrierPicker, blank: () => [] };
