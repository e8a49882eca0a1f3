export interface VariantValue {
  id: string;
  name?: string;
  weight: number;
}

/** The variants' shares plus the share kept out: what must make 100 %. Unreadable shares count as 0. */
export function weightsTotal(variants: readonly VariantValue[], holdout: unknown): number {
  const share = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  return variants.reduce((sum, variant) => sum + share(variant.weight), share(holdout));
}

/** The first of a, b, c… (then v6, v7…) no variant uses: a new variant's exit id. */
export function nextVariantId(variants: readonly VariantValue[]): string {
  const taken = new Set(variants.map((variant) => variant.id));
  for (let index = 0; ; index++) {
    const id = index < 26 ? String.fromCharCode(97 + index) : `v${index + 1}`;
    if (!taken.has(id)) return id;
  }
}

/** Whole shares as even as they go, the remainder to the first variants, leaving the holdout as it is. */
export function evenWeights(variants: readonly VariantValue[], holdout: unknown): VariantValue[] {
  const kept = typeof holdout === 'number' && Number.isFinite(holdout) ? holdout : 0;
  const available = Math.max(0, 100 - kept);
  const base = Math.floor(available / variants.length);
  const extra = available - base * variants.length;
  return variants.map((variant, index) => ({ ...variant, weight: base + (index < extra ? 1 : 0) }));
}

export function variantsOf(value: unknown): VariantValue[] {
  return Array.isArray(value) ? (value as VariantValue[]) : [];
}
