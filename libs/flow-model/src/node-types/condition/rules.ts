import type { Locale } from '@postino/status';
import { z } from 'zod';
import type { LocalizedText } from '../../node-type';
import { type FactDefinition, getFact } from '../../facts/fact-catalogue';
import { amountToMinor, formatMoney, type MoneyAmount } from '../../facts/money';
import { getOperator, type OperatorDefinition } from '../../facts/operators';
import type { RunFacts } from '../../facts/run-facts';

export const RULE_MESSAGES = {
  chooseFact: {
    en: 'Choose what to check.',
    es: 'Elige qué comprobar.',
    it: 'Scegli cosa controllare.',
    fr: 'Choisissez ce qui doit être vérifié.',
    de: 'Wählen Sie, was geprüft werden soll.',
  },
  chooseOperator: {
    en: 'Choose a comparison that fits what is checked.',
    es: 'Elige una comparación adecuada para lo que se comprueba.',
    it: 'Scegli un confronto adatto a ciò che viene controllato.',
    fr: 'Choisissez une comparaison adaptée à ce qui est vérifié.',
    de: 'Wählen Sie einen Vergleich, der zum Geprüften passt.',
  },
  chooseValues: {
    en: 'Choose at least one value.',
    es: 'Elige al menos un valor.',
    it: 'Scegli almeno un valore.',
    fr: 'Choisissez au moins une valeur.',
    de: 'Wählen Sie mindestens einen Wert.',
  },
  valuesFromList: {
    en: 'Choose values from the list.',
    es: 'Elige valores de la lista.',
    it: "Scegli valori dall'elenco.",
    fr: 'Choisissez des valeurs dans la liste.',
    de: 'Wählen Sie Werte aus der Liste.',
  },
  enterNumber: {
    en: 'Enter a number.',
    es: 'Introduce un número.',
    it: 'Inserisci un numero.',
    fr: 'Saisissez un nombre.',
    de: 'Geben Sie eine Zahl ein.',
  },
  enterAmount: {
    en: 'Enter an amount such as 49.90 and its currency.',
    es: 'Introduce un importe como 49.90 y su moneda.',
    it: "Inserisci un importo come 49.90 e la sua valuta.",
    fr: 'Saisissez un montant comme 49.90 et sa devise.',
    de: 'Geben Sie einen Betrag wie 49.90 und seine Währung ein.',
  },
  enterText: {
    en: 'Enter a text of up to 200 characters.',
    es: 'Introduce un texto de hasta 200 caracteres.',
    it: 'Inserisci un testo di massimo 200 caratteri.',
    fr: "Saisissez un texte d'au plus 200 caractères.",
    de: 'Geben Sie einen Text mit höchstens 200 Zeichen ein.',
  },
  enterTags: {
    en: 'Enter one to 50 tags.',
    es: 'Introduce de una a 50 etiquetas.',
    it: 'Inserisci da uno a 50 tag.',
    fr: 'Saisissez de une à 50 étiquettes.',
    de: 'Geben Sie ein bis 50 Tags ein.',
  },
  enterDate: {
    en: 'Enter a date such as 2026-12-24.',
    es: 'Introduce una fecha como 2026-12-24.',
    it: 'Inserisci una data come 2026-12-24.',
    fr: 'Saisissez une date comme 2026-12-24.',
    de: 'Geben Sie ein Datum wie 2026-12-24 ein.',
  },
  noValue: {
    en: 'This comparison takes no value.',
    es: 'Esta comparación no lleva valor.',
    it: 'Questo confronto non richiede un valore.',
    fr: 'Cette comparaison ne prend pas de valeur.',
    de: 'Dieser Vergleich braucht keinen Wert.',
  },
} satisfies Record<string, LocalizedText>;

const M = RULE_MESSAGES;

/** One test of one fact, e.g. `{ fact: 'order.total', operator: 'at_least', value: { amount: '50', currency: 'EUR' } }`. */
export interface ConditionRule {
  fact: string;
  operator: string;
  value?: unknown;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: unknown) =>
  typeof value === 'string' && DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const isList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isMoney = (value: unknown): value is MoneyAmount =>
  typeof value === 'object' && value !== null && typeof (value as MoneyAmount).amount === 'string' &&
  typeof (value as MoneyAmount).currency === 'string' && amountToMinor(value as MoneyAmount) !== null;

/** What is wrong with a rule's value for its fact and comparison, as the English text (a message key). */
function operandIssue(fact: FactDefinition, operator: OperatorDefinition, value: unknown): string | null {
  if (operator.operand === 'none') return value === undefined ? null : M.noValue.en;
  switch (fact.type) {
    case 'enum':
      if (!isList(value) || value.length === 0) return M.chooseValues.en;
      return value.every((item) => fact.accepts(item)) ? null : M.valuesFromList.en;
    case 'tags':
      return isList(value) && value.length >= 1 && value.length <= 50 && value.every((tag) => tag.trim().length > 0 && tag.length <= 100)
        ? null
        : M.enterTags.en;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : M.enterNumber.en;
    case 'money':
      return isMoney(value) ? null : M.enterAmount.en;
    case 'text':
      return typeof value === 'string' && value.trim().length > 0 && value.length <= 200 ? null : M.enterText.en;
    case 'date':
      return isDate(value) ? null : M.enterDate.en;
    case 'boolean':
      return null;
  }
}

export const ruleSchema: z.ZodType<ConditionRule> = z
  .object({
    fact: z.string({ error: M.chooseFact.en }),
    operator: z.string({ error: M.chooseOperator.en }),
    value: z.unknown().optional(),
  })
  .superRefine((rule, ctx) => {
    const fact = getFact(rule.fact);
    if (!fact) return ctx.addIssue({ code: 'custom', path: ['fact'], message: M.chooseFact.en });
    const operator = getOperator(fact.type, rule.operator);
    if (!operator) return ctx.addIssue({ code: 'custom', path: ['operator'], message: M.chooseOperator.en });
    const issue = operandIssue(fact, operator, rule.value);
    if (issue) ctx.addIssue({ code: 'custom', path: ['value'], message: issue });
  });

/**
 * Whether a rule holds for a run. A rule over a fact that is absent — no order linked, no country given — is
 * false, whatever its comparison ("is none of" included): the flow cannot claim what it does not know, and
 * the condition's "no" exit is where such runs go.
 */
export function ruleHolds(rule: ConditionRule, facts: RunFacts): boolean {
  const fact = getFact(rule.fact);
  const operator = fact && getOperator(fact.type, rule.operator);
  if (!fact || !operator) return false;
  const value = fact.read(facts);
  if (value === null) return false;
  return (operator.test as (fact: unknown, operand: unknown, today: string) => boolean)(value, rule.value, facts.today);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatDate(date: string, locale: Locale): string {
  let format = dateFormats.get(locale);
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })));
  return format.format(new Date(`${date}T00:00:00Z`));
}

function describeOperand(fact: FactDefinition, operator: OperatorDefinition, value: unknown, locale: Locale): string {
  if (operator.operand === 'none') return '';
  const or = (items: string[]) => new Intl.ListFormat(locale, { type: operator.id === 'has_all_of' ? 'conjunction' : 'disjunction' }).format(items);
  switch (fact.type) {
    case 'enum':
      return or((value as string[]).map((item) => fact.optionLabel(item, locale)));
    case 'tags':
      return or((value as string[]).map((tag) => `"${tag}"`));
    case 'number':
      return new Intl.NumberFormat(locale).format(value as number);
    case 'money':
      return formatMoney(value as MoneyAmount, locale);
    case 'text':
      return `"${value as string}"`;
    case 'date':
      return formatDate(value as string, locale);
    case 'boolean':
      return '';
  }
}

/** "Order total is at least €50.00", in the marketer's language, for summaries and the run log. */
export function describeRule(rule: ConditionRule, locale: Locale): string {
  const fact = getFact(rule.fact);
  const operator = fact && getOperator(fact.type, rule.operator);
  if (!fact || !operator) return rule.fact;
  return [fact.label[locale], operator.label[locale], describeOperand(fact, operator, rule.value, locale)].filter(Boolean).join(' ');
}
