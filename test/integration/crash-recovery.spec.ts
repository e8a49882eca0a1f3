import { describe, expect, it } from 'vitest';
import { formatCrashReport, runCrashScenario } from '../../tools/crash/harness';

/**
 * The crash test at CI size, on its own stack (not the shared one: it restarts PostgreSQL and flushes Redis).
 * 1 api + 2 worker engines, the flow "out for delivery → wait 0 s → e-mail", 600 shipments and a paced burst of
 * 600 scans; during the burst two workers are killed with -9 (and restarted), Redis gets FLUSHALL and PostgreSQL
 * restarts. After ≤ 60 s, no notification may be lost or doubled, nothing may be left queued, sending or
 * uncertain, and resends (a Message-ID captured twice) may not exceed the crashes that caused them.
 */
describe('crash recovery: kill -9 workers, FLUSHALL Redis and restart PostgreSQL during a burst', () => {
  it('delivers every notification exactly once per shipment, resending no more than the crashes explain', { timeout: 240_000 }, async () => {
    const report = await runCrashScenario({
      events: 600,
      kills: 2,
      flushes: 1,
      pgRestarts: 1,
      burstSeconds: 12,
      settleSeconds: 60,
      log: (line) => process.stdout.write(`[crash] ${line}\n`),
    });
    process.stdout.write(`${formatCrashReport(report)}\n`);

    expect(report.kills).toBe(2);
    expect(report.flushes).toBe(1);
    expect(report.pgRestarts).toBe(1);
    expect(report.counts.shipments).toBe(600);
    expect(report.violations).toEqual([]);
  });
});
