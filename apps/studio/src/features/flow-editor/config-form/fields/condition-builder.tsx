import { type EnumFact, type FactDefinition, getFact, getOperator } from '@postino/flow-model';
import type { Locale } from '@postino/status';
import { FORM_TEXT } from '../messages';
import {
  addRule,
  factsBySubject,
  groupsOf,
  newGroup,
  operatorsFor,
  removeRule,
  type RuleValue,
  updateRule,
  withFact,
  withOperator,
} from '../utils/condition-model';
import { type FieldIssue, issuesUnder } from '../utils/form-model';
import { inputFromNumber, numberFromInput } from '../utils/inputs';
import { IssueList } from './issue-list';
import { listOf, OptionSet } from './option-set';
import { TagsInput } from './tags';
import type { FieldWidget, WidgetProps } from './widget';

/** Groups of rules; each rule is a fact, one of its type's comparisons and the value that comparison takes. */
function ConditionBuilderField({ inputId, labelId, value, onChange, locale, issues }: WidgetProps) {
  const groups = groupsOf(value);
  return (
    <div className="config-form__list" role="group" aria-labelledby={labelId}>
      {groups.map((group, groupIndex) => {
        const groupIssues = issuesUnder(issues, [groupIndex]);
        return (
          <fieldset key={groupIndex} className="config-form__item config-form__group">
            <legend>
              {FORM_TEXT.group[locale]} {groupIndex + 1}
            </legend>
            <select
              aria-label={`${FORM_TEXT.group[locale]} ${groupIndex + 1}`}
              value={group.match}
              onChange={(event) => onChange(groups.map((g, at) => (at === groupIndex ? { ...g, match: event.target.value } : g)))}
            >
              <option value="all">{FORM_TEXT.allRules[locale]}</option>
              <option value="any">{FORM_TEXT.anyRule[locale]}</option>
            </select>
            {group.rules.map((rule, ruleIndex) => (
              <RuleRow
                key={ruleIndex}
                id={groupIndex === 0 && ruleIndex === 0 ? inputId : `${inputId}-${groupIndex}-${ruleIndex}`}
                rule={rule}
                locale={locale}
                issues={issuesUnder(groupIssues, ['rules', ruleIndex])}
                onChange={(next) => onChange(updateRule(groups, groupIndex, ruleIndex, next))}
                onRemove={() => onChange(removeRule(groups, groupIndex, ruleIndex))}
              />
            ))}
            <IssueList issues={issuesUnder(groupIssues, ['rules']).filter((issue) => issue.path.length === 0)} nested={false} />
            <div>
              <button type="button" className="button button--small" onClick={() => onChange(addRule(groups, groupIndex))}>
                {FORM_TEXT.addRule[locale]}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <button type="button" className="button button--small" onClick={() => onChange([...groups, newGroup()])}>
          {FORM_TEXT.addGroup[locale]}
        </button>
      </div>
    </div>
  );
}

interface RuleRowProps {
  id: string;
  rule: RuleValue;
  locale: Locale;
  issues: FieldIssue[];
  onChange: (rule: RuleValue) => void;
  onRemove: () => void;
}

function RuleRow({ id, rule, locale, issues, onChange, onRemove }: RuleRowProps) {
  const fact = getFact(rule.fact);
  const operator = fact && getOperator(fact.type, rule.operator);
  const invalid = (key: string) => issues.some((issue) => issue.path[0] === key) || undefined;
  return (
    <div className="config-form__rule">
      <div className="config-form__row">
        <select id={id} aria-label={FORM_TEXT.fact[locale]} value={rule.fact} aria-invalid={invalid('fact')} onChange={(event) => onChange(withFact(event.target.value))}>
          {!fact && <option value={rule.fact}>{rule.fact}</option>}
          {factsBySubject().map(([subject, facts]) => (
            <optgroup key={subject} label={FORM_TEXT[subject][locale]}>
              {facts.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label[locale]}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <select aria-label={FORM_TEXT.operator[locale]} value={rule.operator} aria-invalid={invalid('operator')} onChange={(event) => onChange(withOperator(rule, event.target.value))}>
          {!operator && <option value={rule.operator}>{FORM_TEXT.choose[locale]}</option>}
          {operatorsFor(rule.fact).map((option) => (
            <option key={option.id} value={option.id}>
              {option.label[locale]}
            </option>
          ))}
        </select>
        <button type="button" className="button button--ghost button--small" onClick={onRemove}>
          {FORM_TEXT.remove[locale]}
        </button>
      </div>
      {fact && operator && operator.operand !== 'none' && (
        <OperandInput id={`${id}-value`} fact={fact} value={rule.value} locale={locale} invalid={invalid('value')} onChange={(next) => onChange({ ...rule, value: next })} />
      )}
      <IssueList issues={issues} nested={false} />
    </div>
  );
}

interface OperandInputProps {
  id: string;
  fact: FactDefinition;
  value: unknown;
  locale: Locale;
  invalid?: boolean;
  onChange: (value: unknown) => void;
}

/** The input a fact's type calls for: a pick among its options, tags, a number, an amount, a text or a date. */
function OperandInput({ id, fact, value, locale, invalid, onChange }: OperandInputProps) {
  const label = FORM_TEXT.value[locale];
  switch (fact.type) {
    case 'enum': {
      const enumFact = fact as EnumFact;
      const options = enumFact.options().map((option) => ({ value: option, label: enumFact.optionLabel(option, locale) }));
      return <OptionSet id={id} options={options} selected={listOf(value)} onChange={onChange} locale={locale} invalid={invalid} />;
    }
    case 'tags':
      return <TagsInput inputId={id} value={value} onChange={onChange} locale={locale} invalid={invalid} />;
    case 'number':
      return (
        <input id={id} type="number" aria-label={label} className="config-form__number" value={inputFromNumber(value)} aria-invalid={invalid} onChange={(event) => onChange(numberFromInput(event.target.value))} />
      );
    case 'money': {
      const money = (typeof value === 'object' && value !== null ? value : {}) as { amount?: string; currency?: string };
      return (
        <div className="config-form__row">
          <input id={id} type="text" inputMode="decimal" aria-label={FORM_TEXT.amount[locale]} placeholder="49.90" value={money.amount ?? ''} aria-invalid={invalid} onChange={(event) => onChange({ ...money, amount: event.target.value })} />
          <input
            type="text"
            className="config-form__short"
            aria-label={FORM_TEXT.currency[locale]}
            placeholder="EUR"
            maxLength={3}
            value={money.currency ?? ''}
            aria-invalid={invalid}
            onChange={(event) => onChange({ ...money, currency: event.target.value.toUpperCase() })}
          />
        </div>
      );
    }
    case 'text':
      return <input id={id} type="text" aria-label={label} value={typeof value === 'string' ? value : ''} aria-invalid={invalid} onChange={(event) => onChange(event.target.value)} />;
    case 'date':
      return <input id={id} type="date" aria-label={label} value={typeof value === 'string' ? value : ''} aria-invalid={invalid} onChange={(event) => onChange(event.target.value || undefined)} />;
    case 'boolean':
      return null;
  }
}

export const conditionBuilderWidget: FieldWidget = { Component: ConditionBuilderField, blank: () => [newGroup()] };
