import type { SettledSteps, StepResult } from './flow-run.repository';

/**
 * What a node's counters count, each one a fact of its steps (so a plain SQL count over flow_steps gives it):
 * - entered: steps created at the node (for a trigger node: the runs it started);
 * - exited (per port): steps done through that port, 'holdout' included;
 * - ended: steps done without a port (an exit node, a shipment gone);
 * - failed: steps failed for good;
 * - waiting: open steps (not done or failed) with a port to resume through — waiting, or due and being resumed.
 */
export const NODE_COUNT_KINDS = ['entered', 'exited', 'ended', 'failed', 'waiting'] as const;
export type NodeCountKind = (typeof NODE_COUNT_KINDS)[number];

/** How much one batch moved one counter of one node of one version. `port` is '' except for `exited`. */
export interface NodeCountDelta {
  merchantId: string;
  flowVersionId: string;
  nodeId: string;
  kind: NodeCountKind;
  port: string;
  n: number;
}

/** How much one batch moved one run's step counts (a run's state is derived from them). */
export interface RunStepDelta {
  runId: string;
  open: number;
  waiting: number;
  failed: number;
}

/** A run the trigger matcher started in this batch: it entered its trigger node. */
export interface StartedRun {
  merchantId: string;
  flowVersionId: string;
  triggerNodeId: string;
}

export interface StepTally {
  nodes: NodeCountDelta[];
  runs: RunStepDelta[];
}

type Counted = Pick<StepResult, 'state' | 'resumePort' | 'exitPort'>;

const isOpen = (step: Counted) => step.state !== 'done' && step.state !== 'failed';
const isWaiting = (step: Counted) => isOpen(step) && step.resumePort !== null;

/**
 * Aggregates, in memory, what a settlement wrote into one delta per counter and per run, zeros left out —
 * so writing them is one statement each, whatever the batch. Only rows the settlement actually wrote are
 * given here: a claim that lost its lease or a step another worker inserted first counts nothing, so a
 * step counts once however often it is tried. A claimed step was open (it was running), and waiting when it
 * was claimed as a due wait (`resumed`).
 */
export function tallySteps(settled: SettledSteps, started: readonly StartedRun[] = []): StepTally {
  const nodes = new Map<string, NodeCountDelta>();
  const runs = new Map<string, RunStepDelta>();
  const count = (place: Omit<NodeCountDelta, 'kind' | 'port' | 'n'>, kind: NodeCountKind, n: number, port = '') => {
    if (n === 0) return;
    const key = JSON.stringify([place.flowVersionId, place.nodeId, kind, port]);
    const delta = nodes.get(key) ?? { ...place, kind, port, n: 0 };
    delta.n += n;
    nodes.set(key, delta);
  };
  const moveRun = (runId: string, open: number, waiting: number, failed: number) => {
    const delta = runs.get(runId) ?? { runId, open: 0, waiting: 0, failed: 0 };
    delta.open += open;
    delta.waiting += waiting;
    delta.failed += failed;
    runs.set(runId, delta);
  };
  const finish = (place: Omit<NodeCountDelta, 'kind' | 'port' | 'n'>, step: Counted) => {
    if (step.state === 'done') count(place, step.exitPort === null ? 'ended' : 'exited', 1, step.exitPort ?? '');
    if (step.state === 'failed') count(place, 'failed', 1);
  };

  for (const run of started) {
    count({ merchantId: run.merchantId, flowVersionId: run.flowVersionId, nodeId: run.triggerNodeId }, 'entered', 1);
  }
  for (const step of settled.reached) {
    const place = { merchantId: step.merchantId, flowVersionId: step.flowVersionId, nodeId: step.nodeId };
    count(place, 'entered', 1);
    finish(place, step);
    count(place, 'waiting', isWaiting(step) ? 1 : 0);
    moveRun(step.runId, isOpen(step) ? 1 : 0, isWaiting(step) ? 1 : 0, step.state === 'failed' ? 1 : 0);
  }
  for (const step of settled.claimed) {
    const place = { merchantId: step.merchantId, flowVersionId: step.flowVersionId, nodeId: step.nodeId };
    const waitingMoved = (isWaiting(step) ? 1 : 0) - (step.resumed ? 1 : 0);
    finish(place, step);
    count(place, 'waiting', waitingMoved);
    moveRun(step.runId, isOpen(step) ? 0 : -1, waitingMoved, step.state === 'failed' ? 1 : 0);
  }
  return {
    nodes: [...nodes.values()].filter((delta) => delta.n !== 0),
    runs: [...runs.values()].filter((delta) => delta.open !== 0 || delta.waiting !== 0 || delta.failed !== 0),
  };
}
