import { Inject, Injectable } from '@nestjs/common';
import type { DryRunDecision } from '@postino/api-contract';
import {
  awaitedEventMatches,
  getNodeType,
  SHIPMENT_STATUS_CHANGED,
  type AwaitedEvent,
  type FlowNode,
} from '@postino/flow-model';
import { executeWave, type WaveStep } from '../flow-engine/execute-wave';
import { NODE_EXECUTORS, NodeExecutor, NodeOutcome, RequestedMessage, StepContext } from '../flow-engine/node-executor';
import type { CachedFlowVersion } from '../flows/flow-version.cache';
import type { ShipmentRow } from '../tracking/shipment';
import type { HistoryEvent } from './dry-run.repository';

/** A run the flow would start: a shipment, its history and the event that starts it. */
export interface SimulatedRun {
  key: string;
  shipment: ShipmentRow;
  /** The shipment's flow events, oldest first: what waits for an event look into, and its status at any time. */
  history: readonly HistoryEvent[];
  triggerNodeId: string;
  trigger: HistoryEvent;
}

/** One node a simulated run went through, what it decided, and the messages it asked for. */
export interface SimulatedStep {
  run: SimulatedRun;
  decision: DryRunDecision;
  failed: boolean;
  /** Each with what it is true to (see StepToRun.truth): the trigger (null), or what a wait went on by. */
  messages: { request: RequestedMessage; at: Date; truth: AwaitedEvent | null }[];
  /** What the steps after this one are true to. */
  truthAfter: AwaitedEvent | null;
}

interface PendingStep {
  run: SimulatedRun;
  nodeId: string;
  at: Date;
  truth: AwaitedEvent | null;
}

/** What the simulation knows about the flow and its shop. */
export interface SimulationScope {
  merchantId: string;
  publicationRevision: string;
  version: CachedFlowVersion;
  /** The present: a wait that ends after it has not ended yet for real, which the decision says. */
  now: Date;
}

/** The event types the version's triggers listen to. */
export function triggerEventTypes(version: CachedFlowVersion): string[] {
  return [
    ...new Set(
      version.definition.nodes.flatMap((node) => {
        const nodeType = getNodeType(node.type);
        return nodeType?.kind === 'trigger' ? nodeType.listensTo : [];
      }),
    ),
  ];
}

/** The shipment as it was at `at`: its status is the one its last status change before then set. */
export function shipmentAt(run: SimulatedRun, at: Date): ShipmentRow {
  const changes = run.history.filter((entry) => entry.event.type === SHIPMENT_STATUS_CHANGED);
  const before = changes.filter((entry) => entry.at <= at).at(-1);
  // Since its latest change the stored row is the truth (and carries what events do not, e.g. a new address).
  if (!before || before === changes.at(-1) || before.event.type !== SHIPMENT_STATUS_CHANGED) return run.shipment;
  return { ...run.shipment, status: before.event.payload.to, substatus: before.event.payload.substatus };
}

const iso = (at: Date) => at.toISOString();
/** Simulated runs go this many nodes deep at most (a flow has no cycles, so only a huge one gets there). */
const MAX_DEPTH = 256;

/**
 * Runs simulated runs through a flow version with the engine's own executors, a wave at a time (each executor
 * prepares a wave's steps at once: a fixed number of statements per wave, whatever the number of runs), but
 * writes nothing: a wait moves the run's own simulated clock, and a wait for an event looks into the
 * shipment's history for it (else it times out). The node semantics are the executors'; only what happens
 * between decisions — time passing, events arriving — is simulated.
 */
@Injectable()
export class FlowSimulator {
  private readonly executors: Map<string, NodeExecutor>;
  private readonly parsedConfigs = new WeakMap<FlowNode, unknown>();

  constructor(@Inject(NODE_EXECUTORS) executors: NodeExecutor[]) {
    this.executors = new Map(executors.map((executor) => [executor.nodeType.type, executor]));
  }

  async simulate(scope: SimulationScope, runs: readonly SimulatedRun[]): Promise<SimulatedStep[]> {
    const steps: SimulatedStep[] = [];
    const seen = new Set<string>();
    let wave = runs.flatMap((run) => this.firstSteps(scope.version, run)).filter((step) => this.firstVisit(seen, step));
    for (let depth = 0; wave.length > 0 && depth < MAX_DEPTH; depth++) {
      const decided = await this.decide(scope, wave);
      const next: PendingStep[] = [];
      wave.forEach((step, index) => {
        const simulated = decided[index];
        steps.push(simulated);
        const { port, until, at } = simulated.decision;
        if (port === null || simulated.failed || simulated.decision.outcome === 'end') return;
        const goesOnAt = new Date(until ?? at);
        for (const node of scope.version.next(step.nodeId, port)) {
          const pending = { run: step.run, nodeId: node.id, at: goesOnAt, truth: simulated.truthAfter };
          if (this.firstVisit(seen, pending)) next.push(pending);
        }
      });
      wave = next;
    }
    return steps;
  }

  /** A trigger goes on through its first exit (as the trigger matcher does). */
  private firstSteps(version: CachedFlowVersion, run: SimulatedRun): PendingStep[] {
    const trigger = version.nodes.get(run.triggerNodeId);
    const port = trigger && getNodeType(trigger.type)?.ports(trigger.config as never)[0]?.id;
    return port ? version.next(trigger.id, port).map((node) => ({ run, nodeId: node.id, at: run.trigger.at, truth: null })) : [];
  }

  private firstVisit(seen: Set<string>, step: PendingStep): boolean {
    const key = `${step.run.key}\u0000${step.nodeId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }

  private async decide(scope: SimulationScope, wave: PendingStep[]): Promise<SimulatedStep[]> {
    const results: SimulatedStep[] = new Array(wave.length);
    const toExecute: { index: number; step: WaveStep }[] = [];
    wave.forEach((pending, index) => {
      const node = scope.version.nodes.get(pending.nodeId) as FlowNode;
      const executor = this.executors.get(node.type);
      const record = this.recordOf(node, pending);
      if (!executor) {
        results[index] = this.failure(pending, record, `no executor for node type ${node.type}`);
        return;
      }
      const context: StepContext = {
        merchantId: scope.merchantId,
        flowId: scope.version.flowId,
        runId: `dry-run:${pending.run.key}`,
        stepId: null,
        nodeId: node.id,
        config: this.configOf(node),
        shipment: shipmentAt(pending.run, pending.at),
        event: pending.run.trigger.event,
        publicationRevision: scope.publicationRevision,
        pinned: scope.version.pinnedAt(node.id),
        now: pending.at,
      };
      toExecute.push({ index, step: { executor, context } });
      results[index] = { run: pending.run, decision: record, failed: false, messages: [], truthAfter: pending.truth };
    });
    const decisions = await executeWave(toExecute.map((e) => e.step));
    toExecute.forEach(({ index }, i) => {
      const pending = wave[index];
      const decision = decisions[i];
      if ('error' in decision) {
        const message = decision.error instanceof Error ? decision.error.message : String(decision.error);
        results[index] = this.failure(pending, results[index].decision, message);
        return;
      }
      const { truth, ...followed } = this.follow(decision.outcome, pending, scope.now);
      results[index].decision = { ...results[index].decision, ...followed };
      results[index].messages = decision.messages.map((request) => ({ request, at: pending.at, truth: pending.truth }));
      results[index].truthAfter = truth ?? pending.truth;
    });
    return results;
  }

  /** Where an outcome leads in simulated time: waits end by the clock or by the shipment's history. */
  private follow(outcome: NodeOutcome, step: PendingStep, now: Date): Partial<DryRunDecision> & { truth?: AwaitedEvent } {
    switch (outcome.kind) {
      case 'continue':
        return { outcome: 'continue', port: outcome.port, truth: outcome.truth };
      case 'wait_until': {
        const until = outcome.until > step.at ? outcome.until : step.at;
        const pending = until > now ? ' (not yet reached today)' : '';
        return { outcome: 'wait_until', port: outcome.port, until: iso(until), why: `waits until ${iso(until)}${pending}` };
      }
      case 'wait_for': {
        const waitingFor = { type: outcome.event.type, match: outcome.event.match as Record<string, unknown[]> };
        const came = step.run.history.find(
          (entry) => entry.at > step.at && entry.at <= outcome.timeoutAt && awaitedEventMatches(outcome.event, entry.event),
        );
        if (came) {
          return {
            outcome: 'wait_for',
            port: outcome.port,
            until: iso(came.at),
            waitingFor,
            why: `the awaited ${came.event.type} came at ${iso(came.at)}`,
            truth: outcome.event,
          };
        }
        const still = outcome.timeoutAt > now ? ' (still waiting today: the timeout is assumed)' : '';
        return {
          outcome: 'wait_for',
          port: outcome.timeoutPort,
          until: iso(outcome.timeoutAt),
          waitingFor,
          why: `nothing awaited came by ${iso(outcome.timeoutAt)}${still}`,
        };
      }
      case 'end':
        return { outcome: 'end', port: outcome.exit ?? null, why: outcome.exit ? `ends: ${outcome.exit}` : 'the branch ends here' };
    }
  }

  private recordOf(node: FlowNode, step: PendingStep): DryRunDecision {
    const nodeType = getNodeType(node.type);
    let summary = node.type;
    try {
      if (nodeType) summary = nodeType.summary(this.configOf(node) as never, 'en');
    } catch {
      // A summary is a label: an odd config keeps the type's name.
    }
    return { nodeId: node.id, type: node.type, summary, at: iso(step.at), port: null, outcome: 'continue', until: null, waitingFor: null, why: null };
  }

  private failure(step: PendingStep, record: DryRunDecision, message: string): SimulatedStep {
    return { run: step.run, decision: { ...record, outcome: 'error', port: null, why: message }, failed: true, messages: [], truthAfter: step.truth };
  }

  /** The flow was validated first, so its configs parse; parsing applies the schemas' defaults, as the runner does. */
  private configOf(node: FlowNode): unknown {
    if (!this.parsedConfigs.has(node)) {
      const parsed = getNodeType(node.type)?.configSchema.safeParse(node.config);
      this.parsedConfigs.set(node, parsed?.success ? parsed.data : node.config);
    }
    return this.parsedConfigs.get(node);
  }
}
