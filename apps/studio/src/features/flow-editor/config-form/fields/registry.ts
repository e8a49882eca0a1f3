import type { UiWidget } from '@postino/flow-model';
import { carrierPicker } from './carrier-picker';
import { choiceWidget } from './choice';
import { conditionBuilderWidget } from './condition-builder';
import { countryPicker } from './country-picker';
import { durationWidget } from './duration';
import { localTimeWindowWidget } from './local-time-window';
import { numberWidget } from './number';
import { quietHoursWidget } from './quiet-hours';
import { statusPicker } from './status-picker';
import { substatusPicker } from './substatus-picker';
import { switchCasesWidget } from './switch-cases';
import { tagsWidget } from './tags';
import { templatePicker } from './template-picker';
import { textWidget } from './text';
import { toggleWidget } from './toggle';
import type { FieldWidget } from './widget';
import { weightsWidget } from './weights';

/** The widget drawing each kind of field the UI hints name; a test fails when a UiWidget has none. */
export const FIELD_WIDGETS: Readonly<Record<UiWidget, FieldWidget>> = {
  status_picker: statusPicker,
  substatus_picker: substatusPicker,
  template_picker: templatePicker,
  duration: durationWidget,
  local_time_window: localTimeWindowWidget,
  weights: weightsWidget,
  carrier_picker: carrierPicker,
  country_picker: countryPicker,
  condition_builder: conditionBuilderWidget,
  switch_cases: switchCasesWidget,
  choice: choiceWidget,
  text: textWidget,
  number: numberWidget,
  toggle: toggleWidget,
  quiet_hours: quietHoursWidget,
  tags: tagsWidget,
};

/** The widget of a field; undefined for a widget this studio does not know (a newer engine's). */
export function widgetOf(widget: string): FieldWidget | undefined {
  return Object.hasOwn(FIELD_WIDGETS, widget) ? FIELD_WIDGETS[widget as UiWidget] : undefined;
}
