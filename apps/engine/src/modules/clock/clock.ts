import { Injectable } from '@nestjs/common';

/**
 * The engine's one notion of "now". Everything that schedules (leases, waits, retries, due rows) reads it
 * and passes it to SQL as a parameter instead of calling now() there, so tests move time instead of sleeping.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves this engine's time forward (tests only: production never calls it). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export function plusSeconds(at: Date, seconds: number): Date {
  return new Date(at.getTime() + seconds * 1000);
}
