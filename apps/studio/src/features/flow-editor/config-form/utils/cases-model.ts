export interface CaseValue {
  id: string;
  values: string[];
  label?: string;
}

export function casesOf(value: unknown): CaseValue[] {
  return Array.isArray(value) ? (value as CaseValue[]).map((entry) => ({ ...entry, values: Array.isArray(entry?.values) ? entry.values : [] })) : [];
}

/** case_1, case_2…: the first exit id no case uses. */
export function nextCaseId(cases: readonly CaseValue[]): string {
  const taken = new Set(cases.map((entry) => entry.id));
  for (let index = cases.length + 1; ; index++) if (!taken.has(`case_${index}`)) return `case_${index}`;
}

/** The values other cases already lead to: one value leads to one case. */
export function valuesTakenElsewhere(cases: readonly CaseValue[], caseIndex: number): Set<string> {
  return new Set(cases.flatMap((entry, index) => (index === caseIndex ? [] : entry.values)));
}
