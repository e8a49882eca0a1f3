import type { Locale } from '@postino/status';
import type { ComponentType } from 'react';
import type { ConfigValues, FieldIssue, FormField } from '../utils/form-model';

export interface WidgetProps {
  field: FormField;
  /** The id of the widget's first input, which the field's label points at. */
  inputId: string;
  /** The id of the field's label, for widgets that are a group of inputs. */
  labelId: string;
  value: unknown;
  onChange: (value: unknown) => void;
  locale: Locale;
  /** The field's errors, localized, at paths inside its value; [] is the field's own, shown beside it by the form. */
  issues: FieldIssue[];
  /** The whole config, for a widget that reads its hints' linked field. */
  values: ConfigValues;
}

export interface FieldWidget {
  Component: ComponentType<WidgetProps>;
  /** What the field starts as when the config's option it belongs to is chosen. */
  blank: () => unknown;
}
