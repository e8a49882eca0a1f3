import { parseArgs } from 'node:util';
import { cleanupOnSignals, formatCrashReport, runCrashScenario } from './harness';
import { flowShapeOf } from './rich-flow';

/**
 * `npm run crash-test -- --events 20000`: its own stack (embedded PostgreSQL, Redis, SMTP capture), 1 api and
 * 2 worker engines, the flow "out for delivery → wait 0 s → e-mail" (or, with `--flow rich`, wait → condition →
 * A/B split → two e-mails, or a webhook to the local capture), one shipment per event and a paced burst of
 * scans through the API. During the burst a worker is killed with -9 every few seconds (and restarted), Redis
 * is flushed once and PostgreSQL is restarted once. After ≤ 60 s of settling it checks that no notification was
 * lost or doubled and that resends stay within the crashes; it exits 1 on any violation.
 */
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '20000' },
    'burst-seconds': { type: 'string' },
    'kill-every': { type: 'string', default: '4' },
    kills: { type: 'string' },
    workers: { type: 'string', default: '2' },
    flow: { type: 'string', default: 'simple' },
    'settle-seconds': { type: 'string', default: '60' },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  process.stdout.write(
    'npm run crash-test -- [--events 20000] [--burst-seconds N (default max(15, events/1000))] [--kill-every 4 | --kills N]\n' +
      '                      [--workers 2] [--settle-seconds 60] [--flow simple|rich] [--verbose (engine logs)]\n',
  );
  process.exit(0);
}

const events = Number(values.events);
const burstSeconds = Number(values['burst-seconds'] ?? Math.max(15, Math.ceil(events / 1000)));
const kills = values.kills !== undefined ? Number(values.kills) : Math.max(1, Math.floor(burstSeconds / Number(values['kill-every'])) - 1);
const flow = flowShapeOf(values.flow);
const log = (line: string) => process.stdout.write(`${line}\n`);

// Ctrl-C stops the stack and engines, removes the temp dir and exits 130.
cleanupOnSignals();

runCrashScenario({
  events,
  kills,
  flushes: 1,
  pgRestarts: 1,
  burstSeconds,
  workers: Number(values.workers),
  flow,
  settleSeconds: Number(values['settle-seconds']),
  log,
  engineLog: values.verbose ? log : undefined,
}).then(
  (report) => {
    log(`\n${formatCrashReport(report)}`);
    process.exit(report.violations.length ? 1 : 0);
  },
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  },
);
