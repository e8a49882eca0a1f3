import { describe, expect, it } from 'vitest';
import type { ClaimedResult, NewStep, StepResult } from './flow-run.repository';
import { tallySteps } from './step-tally';

const place = { merchantId: 'm', flowVersionId: 'v', runId: 'r1' };
const done = (exitPort: string | null): StepResult => ({
  state: 'done',
  availableAt: new Date(0),
  resumePort: null,
  lastError: null,
  exitPort,
  awaiting: null,
});
const waiting: StepResult = { ...done(null), state: 'waiting', resumePort: 'next' };
const reached = (nodeId: string, result: StepResult): NewStep => ({ ...place, nodeId, attempts: 1, ...result });
const claimed = (nodeId: string, result: StepResult, resumed: boolean): ClaimedResult => ({
  ...place,
  nodeId,
  id: `step-${nodeId}`,
  attempts: 1,
  resumed,
  ...result,
});

const counts = (tally: ReturnType<typeof tallySteps>) =>
  Object.fromEntries(tally.nodes.map((d) => [`${d.nodeId}.${d.kind}${d.port ? `.${d.port}` : ''}`, d.n]));

describe('tallySteps', () => {
  it('counts a run entering its trigger and the steps it reached, aggregated per node, kind and port', () => {
    const tally = tallySteps(
      {
        claimed: [],
        reached: [
          reached('split', done('holdout')),
          reached('wait', waiting),
          { ...reached('split', done('a')), runId: 'r2' },
          { ...reached('split', done('a')), runId: 'r3' },
        ],
      },
      [{ merchantId: 'm', flowVersionId: 'v', triggerNodeId: 'trigger' }],
    );
    expect(counts(tally)).toEqual({
      'trigger.entered': 1,
      'split.entered': 3,
      'split.exited.holdout': 1,
      'split.exited.a': 2,
      'wait.entered': 1,
      'wait.waiting': 1,
    });
    // r1: split done, wait open and waiting; r2 and r3 moved nothing (one step, done at once).
    expect(tally.runs).toEqual([{ runId: 'r1', open: 1, waiting: 1, failed: 0 }]);
  });

  it('takes a resumed wait out of waiting as it goes on, and counts a claimed step only where it ends', () => {
    const tally = tallySteps({
      claimed: [claimed('wait', done('timeout'), true), claimed('email', { ...done(null), state: 'failed', lastError: 'x' }, false)],
      reached: [],
    });
    expect(counts(tally)).toEqual({ 'wait.exited.timeout': 1, 'wait.waiting': -1, 'email.failed': 1 });
    expect(tally.runs).toEqual([{ runId: 'r1', open: -2, waiting: -1, failed: 1 }]);
  });

  it('counts a claimed step that starts waiting, and nothing for one queued again for a retry', () => {
    const retry: StepResult = { ...done(null), state: 'queued', lastError: 'timeout' };
    const tally = tallySteps({ claimed: [claimed('wait', waiting, false), claimed('email', retry, false)], reached: [] });
    expect(counts(tally)).toEqual({ 'wait.waiting': 1 });
    expect(tally.runs).toEqual([{ runId: 'r1', open: 0, waiting: 1, failed: 0 }]);
  });

  it('writes nothing for an empty settlement (a lost claim, a step inserted by another worker)', () => {
    expect(tallySteps({ claimed: [], reached: [] })).toEqual({ nodes: [], runs: [] });
  });
});
