/**
 * Writes items in groups as they arrive: while one group is being written, the next accumulates, so under
 * load each write carries many items and when idle an item is written at once (group commit). `add`
 * resolves when the item's group is written, or rejects with the group's error.
 */
export class GroupCommitter<T> {
  private pending: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private writing: Promise<void> | null = null;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly maxGroup = 500,
  ) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  /** Resolves once everything added so far is written (or has failed). */
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.pending.splice(0, this.maxGroup);
      try {
        await this.write(group.map((entry) => entry.item));
        for (const entry of group) entry.resolve();
      } catch (error) {
        for (const entry of group) entry.reject(error);
      }
    }
    // No await between the emptiness check and this line: an add() now starts a new drain.
    this.writing = null;
  }
}
