import type { LocalizedText } from '../node-type';
import type { FactValueOf, FactValueType } from './fact-catalogue';
import { amountToMinor, type MoneyAmount } from './money';

/** What a comparison takes besides the fact: nothing ("has passed"), one value, or a list ("is any of"). */
export type OperandKind = 'none' | 'one' | 'list';

/** The value a rule carries, by the fact's type and the operand kind. */
export interface OperandOf {
  enum: readonly string[];
  number: number;
  money: MoneyAmount;
  text: string;
  tags: readonly string[];
  boolean: undefined;
  date: string;
}

export interface OperatorDefinition<T extends FactValueType = FactValueType> {
  id: string;
  label: LocalizedText;
  operand: OperandKind;
  test(fact: FactValueOf[T], operand: OperandOf[T], today: string): boolean;
}

const text = (en: string, es: string, it: string, fr: string, de: string): LocalizedText => ({ en, es, it, fr, de });

/** Text and tags compare as the shop's staff would: ignoring case and surrounding spaces. */
const fold = (value: string) => value.trim().toLowerCase();

/** Money compares only in the same currency: a rule on 50 EUR says nothing about an order in USD. */
function moneyTest(compare: (fact: number, operand: number) => boolean) {
  return (fact: FactValueOf['money'], operand: MoneyAmount) => {
    const minor = amountToMinor(operand);
    return minor !== null && fact.currency === operand.currency && compare(fact.minor, minor);
  };
}

const ORDERINGS = {
  greater_than: [text('is more than', 'es mayor que', 'è maggiore di', 'est supérieur à', 'ist größer als'), (a: number, b: number) => a > b],
  at_least: [text('is at least', 'es al menos', 'è almeno', 'est au moins', 'ist mindestens'), (a: number, b: number) => a >= b],
  less_than: [text('is less than', 'es menor que', 'è minore di', 'est inférieur à', 'ist kleiner als'), (a: number, b: number) => a < b],
  at_most: [text('is at most', 'es como máximo', 'è al massimo', 'est au plus', 'ist höchstens'), (a: number, b: number) => a <= b],
} as const;

const IS = text('is', 'es', 'è', 'est', 'ist');
const IS_NOT = text('is not', 'no es', 'non è', "n'est pas", 'ist nicht');

/** The comparisons each type of fact offers, in the order the editor lists them. */
export const OPERATORS: { [T in FactValueType]: readonly OperatorDefinition<T>[] } = {
  enum: [
    { id: 'is_any_of', label: IS, operand: 'list', test: (fact, values) => values.includes(fact) },
    { id: 'is_none_of', label: IS_NOT, operand: 'list', test: (fact, values) => !values.includes(fact) },
  ],
  number: [
    { id: 'equals', label: IS, operand: 'one', test: (fact, value) => fact === value },
    { id: 'not_equals', label: IS_NOT, operand: 'one', test: (fact, value) => fact !== value },
    ...Object.entries(ORDERINGS).map(([id, [label, compare]]) => ({
      id,
      label,
      operand: 'one' as const,
      test: (fact: number, value: number) => compare(fact, value),
    })),
  ],
  money: [
    { id: 'equals', label: IS, operand: 'one', test: moneyTest((a, b) => a === b) },
    ...Object.entries(ORDERINGS).map(([id, [label, compare]]) => ({ id, label, operand: 'one' as const, test: moneyTest(compare) })),
  ],
  text: [
    { id: 'equals', label: IS, operand: 'one', test: (fact, value) => fold(fact) === fold(value) },
    { id: 'not_equals', label: IS_NOT, operand: 'one', test: (fact, value) => fold(fact) !== fold(value) },
    {
      id: 'starts_with',
      label: text('starts with', 'empieza por', 'inizia con', 'commence par', 'beginnt mit'),
      operand: 'one',
      test: (fact, value) => fold(fact).startsWith(fold(value)),
    },
    {
      id: 'contains',
      label: text('contains', 'contiene', 'contiene', 'contient', 'enthält'),
      operand: 'one',
      test: (fact, value) => fold(fact).includes(fold(value)),
    },
  ],
  tags: [
    {
      id: 'has_any_of',
      label: text('include any of', 'incluyen alguna de', 'includono uno tra', "incluent l'une de", 'enthalten eines von'),
      operand: 'list',
      test: (fact, values) => values.some((value) => fact.includes(fold(value))),
    },
    {
      id: 'has_all_of',
      label: text('include all of', 'incluyen todas', 'includono tutti', 'incluent toutes', 'enthalten alle'),
      operand: 'list',
      test: (fact, values) => values.every((value) => fact.includes(fold(value))),
    },
    {
      id: 'has_none_of',
      label: text('include none of', 'no incluyen ninguna de', 'non includono nessuno tra', "n'incluent aucune de", 'enthalten keines von'),
      operand: 'list',
      test: (fact, values) => !values.some((value) => fact.includes(fold(value))),
    },
  ],
  boolean: [
    { id: 'is_true', label: text('is yes', 'es sí', 'è sì', 'est oui', 'ist ja'), operand: 'none', test: (fact) => fact },
    { id: 'is_false', label: text('is no', 'es no', 'è no', 'est non', 'ist nein'), operand: 'none', test: (fact) => !fact },
  ],
  // Dates are calendar dates (YYYY-MM-DD), so comparing their text compares them.
  date: [
    { id: 'before', label: text('is before', 'es anterior a', 'è prima del', 'est avant le', 'ist vor dem'), operand: 'one', test: (fact, value) => fact < value },
    { id: 'on', label: text('is on', 'es el', 'è il', 'est le', 'ist am'), operand: 'one', test: (fact, value) => fact === value },
    { id: 'after', label: text('is after', 'es posterior a', 'è dopo il', 'est après le', 'ist nach dem'), operand: 'one', test: (fact, value) => fact > value },
    {
      id: 'has_passed',
      label: text('has passed', 'ya pasó', 'è passata', 'est passée', 'ist verstrichen'),
      operand: 'none',
      test: (fact, _value, today) => fact < today,
    },
  ],
};

export function getOperator(type: FactValueType, id: string): OperatorDefinition | undefined {
  return (OPERATORS[type] as readonly OperatorDefinition[]).find((operator) => operator.id === id);
}
