import { Logger } from '@nestjs/common';

export interface WorkPumpOptions {
  /** A pass that handled this many rows probably left more: the loop goes on without waiting for a wake-up. */
  batchSize: number;
  /** How many passes may run at once in this process (I/O-bound stages overlap one batch's wait with another). */
  parallelism: number;
}

/**
 * Drives one stage of the pipeline in this process: `pass` claims a batch of due rows, handles it and
 * returns how many it handled. A wake-up (a queue job, a local hand-off, a sweep) starts a pass unless
 * enough are running; wake-ups arriving meanwhile coalesce into one more pass. Work is found by claiming
 * rows, never by the wake-up's content, so a lost, stale or duplicate wake-up costs nothing but a query.
 */
export class WorkPump {
  private readonly logger: Logger;
  private running = 0;
  private wokenWhileRunning = false;
  private stopped = false;
  private readonly loops = new Set<Promise<void>>();

  constructor(
    name: string,
    private readonly pass: () => Promise<number>,
    private readonly options: WorkPumpOptions,
  ) {
    this.logger = new Logger(name);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running >= this.options.parallelism) {
      this.wokenWhileRunning = true;
      return;
    }
    this.running++;
    const loop = this.loop().finally(() => {
      this.running--;
      this.loops.delete(loop);
    });
    this.loops.add(loop);
  }

  /** Resolves when no pass is running (new wake-ups may start more later). */
  async idle(): Promise<void> {
    while (this.loops.size > 0) await Promise.all([...this.loops]);
  }

  /** Lets the passes in flight finish; no new one starts. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.loops]);
  }

  private async loop(): Promise<void> {
    try {
      for (;;) {
        this.wokenWhileRunning = false;
        const handled = await this.pass();
        if (this.stopped) return;
        if (handled < this.options.batchSize && !this.wokenWhileRunning) return;
      }
    } catch (error) {
      // The rows stay due in Postgres: the next wake-up or sweep picks them up again.
      this.logger.warn(`pass failed, the next wake-up retries: ${(error as Error).message}`);
    }
  }
}
