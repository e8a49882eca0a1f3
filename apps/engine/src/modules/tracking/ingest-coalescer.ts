/**
 * Natural batching ("group commit") of concurrent ingest calls of one merchant: a call starts a transaction at
 * once while fewer than `maxInFlight` of that merchant's are running; otherwise it waits and leaves with every
 * call that queued meanwhile, as one transaction. An idle engine adds no latency; a busy one pays one commit
 * per batch instead of one per request.
 */
export interface CoalescerOptions {
  maxInFlight: number;
  /** A batch never grows past this many items (one request may still be larger on its own). */
  maxItems: number;
}

interface Pending<TItem, TResult> {
  items: TItem[];
  resolve(results: TResult[]): void;
  reject(error: unknown): void;
}

interface Lane<TItem, TResult> {
  inFlight: number;
  queue: Pending<TItem, TResult>[];
}

/** `flush` gets the items of several calls concatenated and returns one result per item, in order. */
export class IngestCoalescer<TItem, TResult> {
  private readonly lanes = new Map<string, Lane<TItem, TResult>>();

  constructor(
    private readonly flush: (key: string, items: TItem[]) => Promise<TResult[]>,
    private readonly options: CoalescerOptions,
  ) {}

  submit(key: string, items: TItem[]): Promise<TResult[]> {
    return new Promise((resolve, reject) => {
      const lane = this.lanes.get(key) ?? { inFlight: 0, queue: [] };
      this.lanes.set(key, lane);
      lane.queue.push({ items, resolve, reject });
      this.drain(key, lane);
    });
  }

  private drain(key: string, lane: Lane<TItem, TResult>): void {
    while (lane.inFlight < this.options.maxInFlight && lane.queue.length > 0) {
      const batch = this.takeBatch(lane);
      lane.inFlight += 1;
      void this.run(key, batch).finally(() => {
        lane.inFlight -= 1;
        if (lane.inFlight === 0 && lane.queue.length === 0) this.lanes.delete(key);
        else this.drain(key, lane);
      });
    }
  }

  private takeBatch(lane: Lane<TItem, TResult>): Pending<TItem, TResult>[] {
    const batch = [lane.queue.shift() as Pending<TItem, TResult>];
    let size = batch[0].items.length;
    while (lane.queue.length > 0 && size + lane.queue[0].items.length <= this.options.maxItems) {
      const next = lane.queue.shift() as Pending<TItem, TResult>;
      size += next.items.length;
      batch.push(next);
    }
    return batch;
  }

  private async run(key: string, batch: Pending<TItem, TResult>[]): Promise<void> {
    try {
      const results = await this.flush(key, batch.flatMap((call) => call.items));
      let offset = 0;
      for (const call of batch) {
        call.resolve(results.slice(offset, offset + call.items.length));
        offset += call.items.length;
      }
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      // One call's trouble (a deadlock, a constraint) must not fail the others: each is tried again alone.
      await Promise.all(
        batch.map((call) => this.flush(key, call.items).then(call.resolve, call.reject)),
      );
    }
  }
}
