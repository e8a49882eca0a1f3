/**
 * A cache of immutable things by id (least recently used out) whose misses load together: a batch asks for
 * all its keys at once and costs one query for whatever is missing, or none.
 */
export class BatchLoadingCache<K, V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly capacity: number,
    private readonly idOf: (key: K) => string,
    private readonly load: (missing: K[]) => Promise<Map<string, V>>,
  ) {}

  async getMany(keys: K[]): Promise<Map<string, V>> {
    const byId = new Map(keys.map((key) => [this.idOf(key), key]));
    const missing = [...byId].filter(([id]) => !this.entries.has(id)).map(([, key]) => key);
    if (missing.length > 0) {
      for (const [id, value] of await this.load(missing)) {
        if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
        this.entries.set(id, value);
      }
    }
    const found = new Map<string, V>();
    for (const id of byId.keys()) {
      const value = this.entries.get(id);
      if (value === undefined) continue;
      // Re-inserting marks it most recently used.
      this.entries.delete(id);
      this.entries.set(id, value);
      found.set(id, value);
    }
    return found;
  }
}
