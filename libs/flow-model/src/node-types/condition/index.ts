export { conditionFacts, conditionNodeType, evaluateCondition } from './condition';
export type { ConditionConfig } from './condition';
export { describeRule, ruleHolds } from './rules';
export type { ConditionRule } from './rules';
