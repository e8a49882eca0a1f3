import { zodResolver } from '@hookform/resolvers/zod';
import { configMessageTranslator, type NodeType, zodErrorMap } from '@postino/flow-model';
import type { Locale } from '@postino/status';
import { useEffect, useId, useMemo, useRef } from 'react';
import { Controller, type Resolver, useForm, useWatch } from 'react-hook-form';
import { widgetOf } from './fields/registry';
import {
  type ConfigValues,
  type FormField,
  formFields,
  formValuesOf,
  isDiscriminator,
  issuesOf,
  sameConfig,
  switchOption,
  visibleFields,
} from './utils/form-model';
import './config-form.css';

export interface NodeConfigFormProps {
  nodeType: NodeType;
  config: unknown;
  locale: Locale;
  /** Called with the whole config on every edit (the editor autosaves the draft, which may be incomplete). */
  onChange: (config: unknown) => void;
}

/**
 * A node's side-panel form, generated from its type's config schema and UI hints: no node type is known here.
 * Errors are the schema's, in `locale`; a `config` coming from outside (undo, another node) resets the form.
 */
export function NodeConfigForm(props: NodeConfigFormProps) {
  // Another type or language is another resolver and other fields: a fresh form.
  return <ConfigForm key={`${props.nodeType.type}:${props.locale}`} {...props} />;
}

function ConfigForm({ nodeType, config, locale, onChange }: NodeConfigFormProps) {
  const formId = useId();
  const fields = useMemo(() => formFields(nodeType), [nodeType]);
  const translate = useMemo(() => configMessageTranslator(nodeType, locale), [nodeType, locale]);
  const resolver = useMemo(
    () => zodResolver(nodeType.configSchema as never, { error: zodErrorMap(locale) }) as unknown as Resolver<ConfigValues>,
    [nodeType, locale],
  );
  // Validated on demand (below): every edit re-checks the whole config, since one field's rule may read another's.
  const form = useForm<ConfigValues>({ resolver, defaultValues: formValuesOf(config), mode: 'onSubmit', reValidateMode: 'onSubmit' });
  const values = useWatch({ control: form.control }) as ConfigValues;
  const { errors } = form.formState;
  const emitted = useRef<unknown>(config);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  // A loaded config shows what is still missing at once.
  useEffect(() => {
    void form.trigger();
  }, [form]);

  useEffect(() => {
    // The editor hands back what this form emitted: only another config resets it.
    if (sameConfig(config, emitted.current)) return;
    emitted.current = config;
    form.reset(formValuesOf(config));
    void form.trigger();
  }, [config, form]);

  const emit = (next: ConfigValues) => {
    const copy = structuredClone(next);
    emitted.current = copy;
    onChangeRef.current(copy);
    void form.trigger();
  };

  const change = (field: FormField, value: unknown) => {
    if (isDiscriminator(fields, field)) {
      const next = switchOption(fields, form.getValues(), field.key, value, (option) => widgetOf(option.hints.widget)?.blank());
      form.reset(next);
      emit(next);
      return;
    }
    form.setValue(field.key, value, { shouldDirty: true });
    emit(form.getValues());
  };

  const shown = visibleFields(nodeType, fields, values);
  const shownKeys = new Set(shown.map((field) => field.key));
  // A config-wide error (no option of a discriminated config chosen) belongs to no field.
  const formIssues = issuesOf(errors, translate).filter((issue) => !shownKeys.has(String(issue.path[0])));

  return (
    <form className="config-form form" noValidate onSubmit={(event) => event.preventDefault()}>
      {formIssues.map((issue) => (
        <p key={issue.message} className="field__error" role="alert">
          {issue.message}
        </p>
      ))}
      {shown.map((field) => {
        const widget = widgetOf(field.hints.widget);
        if (!widget) return null;
        const inputId = `${formId}-${field.key}`;
        const labelId = `${inputId}-label`;
        return (
          <Controller
            key={field.key}
            control={form.control}
            name={field.key}
            render={({ field: controlled, fieldState }) => {
              const issues = issuesOf(fieldState.error, translate);
              const own = [...new Set(issues.filter((issue) => issue.path.length === 0).map((issue) => issue.message))];
              return (
                <div className="field config-form__field" data-field={field.key}>
                  <label id={labelId} htmlFor={inputId}>
                    {field.hints.label[locale]}
                  </label>
                  {field.hints.help && <p className="field__hint">{field.hints.help[locale]}</p>}
                  <widget.Component
                    field={field}
                    inputId={inputId}
                    labelId={labelId}
                    value={controlled.value}
                    onChange={(value) => change(field, value)}
                    locale={locale}
                    issues={issues}
                    values={values}
                  />
                  {own.map((message) => (
                    <p key={message} className="field__error">
                      {message}
                    </p>
                  ))}
                </div>
              );
            }}
          />
        );
      })}
    </form>
  );
}
