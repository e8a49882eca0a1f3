import { FACTS, type FactDefinition, type FactSubject, getFact, getOperator, OPERATORS, type OperatorDefinition } from '@postino/flow-model';

export interface RuleValue {
  fact: string;
  operator: string;
  value?: unknown;
}

export interface GroupValue {
  match: 'all' | 'any';
  rules: RuleValue[];
}

/** The facts a rule can check, grouped by what they are about, in the catalogue's order. */
export function factsBySubject(): [FactSubject, FactDefinition[]][] {
  const groups = new Map<FactSubject, FactDefinition[]>();
  for (const fact of FACTS as readonly FactDefinition[]) groups.set(fact.subject, [...(groups.get(fact.subject) ?? []), fact]);
  return [...groups];
}

export function operatorsFor(factId: string): readonly OperatorDefinition[] {
  const fact = getFact(factId);
  return fact ? (OPERATORS[fact.type] as readonly OperatorDefinition[]) : [];
}

/** What a new operand starts as: nothing for "has passed", an empty list for lists, empty for one value. */
export function blankOperand(fact: FactDefinition, operator: OperatorDefinition): unknown {
  if (operator.operand === 'none') return undefined;
  if (operator.operand === 'list') return [];
  return fact.type === 'money' ? { amount: '', currency: '' } : undefined;
}

/** A rule on another fact: its first comparison and a blank value (a value of another type means nothing). */
export function withFact(factId: string): RuleValue {
  const fact = getFact(factId);
  const operator = operatorsFor(factId)[0];
  return fact && operator ? { fact: factId, operator: operator.id, value: blankOperand(fact, operator) } : { fact: factId, operator: '' };
}

/** A rule with another comparison of its fact; the value stays while it still fits the comparison. */
export function withOperator(rule: RuleValue, operatorId: string): RuleValue {
  const fact = getFact(rule.fact);
  const before = fact && getOperator(fact.type, rule.operator);
  const after = fact && getOperator(fact.type, operatorId);
  if (!fact || !after) return { ...rule, operator: operatorId };
  const keep = before?.operand === after.operand;
  return { fact: rule.fact, operator: operatorId, value: keep ? rule.value : blankOperand(fact, after) };
}

const FIRST_FACT = (FACTS as readonly FactDefinition[])[0].id;

export function newGroup(): GroupValue {
  return { match: 'all', rules: [withFact(FIRST_FACT)] };
}

export function addRule(groups: GroupValue[], groupIndex: number): GroupValue[] {
  return groups.map((group, index) => (index === groupIndex ? { ...group, rules: [...group.rules, withFact(FIRST_FACT)] } : group));
}

/** Removes a rule; a group left without rules goes with it. */
export function removeRule(groups: GroupValue[], groupIndex: number, ruleIndex: number): GroupValue[] {
  return groups
    .map((group, index) => (index === groupIndex ? { ...group, rules: group.rules.filter((_, at) => at !== ruleIndex) } : group))
    .filter((group) => group.rules.length > 0);
}

export function updateRule(groups: GroupValue[], groupIndex: number, ruleIndex: number, rule: RuleValue): GroupValue[] {
  return groups.map((group, index) =>
    index === groupIndex ? { ...group, rules: group.rules.map((current, at) => (at === ruleIndex ? rule : current)) } : group,
  );
}

/** The groups a value holds, whatever a broken draft stored. */
export function groupsOf(value: unknown): GroupValue[] {
  return Array.isArray(value) ? (value as GroupValue[]).map((group) => ({ match: group?.match ?? 'all', rules: Array.isArray(group?.rules) ? group.rules : [] })) : [];
}
