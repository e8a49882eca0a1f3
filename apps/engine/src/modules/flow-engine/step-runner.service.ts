import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { getNodeType, type AwaitedEvent, type FlowEvent, type FlowNode } from '@postino/flow-model';
import type { Queue } from 'bull';
import { DataSource, EntityManager } from 'typeorm';
import { WorkPump } from '../../common/batching/work-pump';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { Clock, plusSeconds } from '../clock/clock';
import { ClaimedResult, ClaimedStep, FlowRunRepository, NewStep, StepResult } from '../flow-runs/flow-run.repository';
import { StartedRun, tallySteps } from '../flow-runs/step-tally';
import { StepTallyRepository } from '../flow-runs/step-tally.repository';
import { CachedFlowVersion, FlowVersionCache } from '../flows/flow-version.cache';
import { HeldWorkRepository } from '../flows/held-work.repository';
import { PublishedFlowsCache } from '../flows/published-flows.cache';
import { messageIdentity } from '../messaging/message-identity';
import { MessageRepository, NewMessage } from '../messaging/message.repository';
import { MessageSenderService } from '../messaging/sending/message-sender.service';
import { pipelineRows } from '../metrics/metrics';
import { QUEUES } from '../queues/queue-names';
import { sendWakeUp, WakeUpJob } from '../queues/wake-ups';
import type { ShipmentRow } from '../tracking/shipment';
import { ShipmentRepository } from '../tracking/shipment.repository';
import type { PendingEffect } from './effects/step-effect';
import { StepEffectsWriter } from './effects/step-effects.writer';
import { Decision, executeWave, WaveStep } from './execute-wave';
import { NODE_EXECUTORS, NodeExecutor, NodeOutcome, PermanentStepError, RequestedMessage, StepContext } from './node-executor';

/** A pass decides in memory and writes once: seconds at most, so a dead worker's steps are due again soon. */
export const STEP_LEASE_SECONDS = 20;
export const STEP_MAX_ATTEMPTS = 5;
const BATCH = 500;
/** Steps reached in a batch run in the same pass, this many hops deep; deeper ones are queued for the next. */
const MAX_HOPS = 16;

export function stepRetryDelaySeconds(attempts: number): number {
  return Math.min(5 * 2 ** (attempts - 1), 600);
}

/** A step to decide in this pass: one claimed from Postgres, or one reached in this pass (claimedId null). */
export interface StepToRun {
  claimedId: string | null;
  merchantId: string;
  runId: string;
  nodeId: string;
  attempts: number;
  resumePort: string | null;
  flowVersionId: string;
  shipmentId: string;
  event: FlowEvent;
  /** What the step is true to (see ClaimedStep), carried to the steps it reaches and the messages it asks for. */
  truth: AwaitedEvent | null;
  publicationRevision: string;
}

/** A step whose outcome was `wait_for`, with the shipment it was decided on. */
interface AwaitingDecision {
  item: StepToRun;
  shipment: ShipmentRow;
}

/** What advancing steps decided: the rows to write in one transaction, and the wake-ups to send after. */
export interface StepAdvance {
  versions: Map<string, CachedFlowVersion>;
  claimed: ClaimedResult[];
  /** Steps reached in this pass, by `runId:nodeId`, with where they ended up. */
  reached: Map<string, NewStep>;
  messages: NewMessage[];
  /** Other rows steps asked for (effects/), written with them. */
  effects: PendingEffect[];
  wakeAt: Date[];
  queuedForLater: boolean;
  /** Steps that wait for an event: re-decided under a lock on their shipment when written (see write). */
  awaiting: AwaitingDecision[];
}

const WAITING = { state: 'waiting', lastError: null, exitPort: null, awaiting: null } as const;
const DONE = { state: 'done', resumePort: null, lastError: null, exitPort: null, awaiting: null } as const;

/** The port a run goes on through after this outcome (a wait_for or wait_until already due goes on at once). */
function exitPortOf(outcome: NodeOutcome): string | null {
  switch (outcome.kind) {
    case 'continue':
    case 'wait_until':
      return outcome.port;
    case 'wait_for':
      return outcome.timeoutPort;
    case 'end':
      return null;
  }
}

/**
 * The step stage, a batch at a time: claim due steps with a lease (one statement), load their shipments
 * (one), decide every step in memory through its node type's executor — steps they reach run in the same
 * pass — and settle everything (claimed steps, reached steps, messages) in one transaction. Then wake the
 * send stage, and schedule a wake-up for each wait. The trigger matcher advances the first steps of the runs
 * it starts the same way, inside its own transaction.
 */
@Injectable()
export class StepRunnerService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly pump = new WorkPump('StepRunner', () => this.runBatch(), { batchSize: BATCH, parallelism: 2 });
  private readonly executors: Map<string, NodeExecutor>;
  private readonly parsedConfigs = new WeakMap<FlowNode, unknown>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runs: FlowRunRepository,
    private readonly tallies: StepTallyRepository,
    private readonly versions: FlowVersionCache,
    private readonly shipments: ShipmentRepository,
    private readonly messages: MessageRepository,
    private readonly sender: MessageSenderService,
    private readonly clock: Clock,
    private readonly publishedFlows: PublishedFlowsCache,
    private readonly heldWork: HeldWorkRepository,
    private readonly stepEffects: StepEffectsWriter,
    @Inject(NODE_EXECUTORS) executors: NodeExecutor[],
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    @InjectQueue(QUEUES.flowSteps) private readonly stepWakeUps: Queue<WakeUpJob>,
    @InjectQueue(QUEUES.messages) private readonly messageWakeUps: Queue<WakeUpJob>,
  ) {
    this.executors = new Map(executors.map((executor) => [executor.nodeType.type, executor]));
  }

  onApplicationBootstrap(): void {
    this.pump.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pump.stop();
  }

  /** One pass: returns how many steps it claimed. */
  async runBatch(): Promise<number> {
    const now = this.clock.now();
    const claimed = await this.runs.claimDue(BATCH, now, STEP_LEASE_SECONDS);
    if (claimed.length === 0) return 0;
    const keys = claimed.map((s) => ({ merchantId: s.merchantId, versionId: s.flowVersionId, shipmentId: s.shipmentId }));
    const [versions, shipmentRows, heldFlows] = await Promise.all([
      this.versions.getMany(keys),
      this.shipments.findMany(keys),
      this.publishedFlows.heldFlows(new Map(claimed.map((s) => [s.merchantId, s.publicationRevision]))),
    ]);
    // Steps of a paused or archived flow wait instead of running (held work re-checks under the flow's lock).
    const flowOf = (s: ClaimedStep) => versions.get(s.flowVersionId)?.flowId ?? '';
    const isHeld = (s: ClaimedStep) => heldFlows.get(s.merchantId)?.has(flowOf(s)) ?? false;
    const held = claimed.filter(isHeld).map((s) => ({ id: s.id, attempts: s.attempts }));
    const advance = await this.advance(
      claimed.filter((s) => !isHeld(s)).map((s) => ({ ...s, claimedId: s.id })),
      versions,
      new Map(shipmentRows.map((s) => [s.id, s])),
      now,
    );
    const settledAt = this.clock.now();
    const { written, holding } = await this.db.transaction(async (manager) => ({
      holding: await this.heldWork.holdSteps(manager, held, settledAt),
      written: await this.write(manager, advance, settledAt),
    }));
    await this.wakeAfter(written, settledAt);
    if (holding.released.length > 0) this.pump.wake();
    return claimed.length;
  }

  /**
   * Decides steps in memory, and the steps they reach in turn (up to MAX_HOPS): what to write, in one
   * transaction, and which wake-ups to send once it is written. Used by this stage for claimed steps and by
   * the trigger matcher for the first steps of the runs it starts.
   */
  async advance(
    start: StepToRun[],
    versions: Map<string, CachedFlowVersion>,
    shipments: Map<string, ShipmentRow>,
    now: Date,
  ): Promise<StepAdvance> {
    const advance: StepAdvance = {
      versions,
      claimed: [],
      reached: new Map(),
      messages: [],
      effects: [],
      wakeAt: [],
      queuedForLater: false,
      awaiting: [],
    };
    const seen = new Set(start.map((s) => `${s.runId}:${s.nodeId}`));
    let wave = start;
    for (let hop = 0; wave.length > 0; hop++) {
      const decisions = await this.decide(wave, versions, shipments, now);
      const nextWave: StepToRun[] = [];
      wave.forEach((item, index) => {
        const decision = decisions[index];
        let result: StepResult;
        if ('error' in decision) {
          result = this.failure(item, decision.error, now);
        } else {
          for (const request of decision.messages) advance.messages.push(this.newMessage(item, request));
          const origin = { merchantId: item.merchantId, runId: item.runId, nodeId: item.nodeId, shipmentId: item.shipmentId };
          for (const effect of decision.effects) advance.effects.push({ ...effect, origin });
          // What it wrote must be committed before the steps after it read it: they run in the next pass.
          const nextPass = decision.effects.some((effect) => effect.kind.readByLaterSteps);
          const { outcome } = decision;
          const shipment = shipments.get(item.shipmentId);
          if (outcome.kind === 'wait_until' && outcome.until > now) {
            result = { ...WAITING, availableAt: outcome.until, resumePort: outcome.port };
            advance.wakeAt.push(outcome.until);
          } else if (outcome.kind === 'wait_for' && outcome.timeoutAt > now && shipment) {
            // Due at its timeout like any wait; the trigger matcher makes it due earlier when the event comes.
            const awaiting = { shipmentId: item.shipmentId, event: outcome.event, port: outcome.port };
            result = { ...WAITING, availableAt: outcome.timeoutAt, resumePort: outcome.timeoutPort, awaiting };
            advance.wakeAt.push(outcome.timeoutAt);
            advance.awaiting.push({ item, shipment });
          } else {
            const port = exitPortOf(outcome);
            result = { ...DONE, availableAt: now, exitPort: outcome.kind === 'end' ? (outcome.exit ?? null) : port };
            for (const node of port ? (versions.get(item.flowVersionId)?.next(item.nodeId, port) ?? []) : []) {
              const key = `${item.runId}:${node.id}`;
              if (seen.has(key)) continue;
              seen.add(key);
              const truth = outcome.kind === 'continue' ? (outcome.truth ?? item.truth) : item.truth;
              const next: StepToRun = { ...item, claimedId: null, nodeId: node.id, attempts: 1, resumePort: null, truth };
              if (hop + 1 < MAX_HOPS && !nextPass) nextWave.push(next);
              else {
                advance.queuedForLater = true;
                advance.reached.set(key, { ...this.stepRow(next), ...DONE, attempts: 0, state: 'queued', availableAt: now });
              }
            }
          }
        }
        const resumed = item.resumePort !== null;
        if (item.claimedId) advance.claimed.push({ ...this.stepRow(item), ...result, id: item.claimedId, attempts: item.attempts, resumed });
        else advance.reached.set(`${item.runId}:${item.nodeId}`, { ...this.stepRow(item), attempts: 1, ...result });
        if (result.state === 'queued') advance.wakeAt.push(result.availableAt);
      });
      wave = nextWave;
    }
    return advance;
  }

  /**
   * Writes what `advance` decided, in the caller's transaction: five statements (steps, messages, the tallies
   * of what the steps' statements wrote: node counters and runs' step counts, plus the trigger entries of
   * `started` runs), plus each effect kind's fixed few when steps asked for one, plus one (and a re-decision)
   * when steps wait for an event. Returns what was written, whose wake-ups the caller sends once committed.
   */
  async write(manager: EntityManager, advance: StepAdvance, at: Date, started: readonly StartedRun[] = []): Promise<StepAdvance> {
    const written = await this.redecideAwaiting(manager, advance, at);
    const settled = await this.runs.settle(manager, written.claimed, [...written.reached.values()], at);
    await this.messages.insertMany(manager, written.messages, at);
    await this.stepEffects.writeAll(manager, written.effects, at);
    await this.tallies.record(manager, tallySteps(settled, started));
    pipelineRows.inc({ stage: 'steps' }, written.claimed.length + written.reached.size);
    return written;
  }

  /**
   * Closes the race of a step that decides to wait for its shipment's event while that event commits: the
   * decision read the shipment before the event, and the trigger matcher handled the event before the waiting
   * row existed, so nothing would ever wake it. Here, in the writing transaction, the shipments of waiting-for
   * steps are read again FOR SHARE. Ingest changes a status under FOR UPDATE of the shipment, in the
   * transaction that appends its outbox event, so either that transaction committed before this read — the
   * fresh row shows its status, and the step is decided again on it (continuing at once if it is awaited) —
   * or it waits for this one to commit, and its event, handled later, finds the waiting row.
   */
  private async redecideAwaiting(manager: EntityManager, advance: StepAdvance, at: Date): Promise<StepAdvance> {
    if (advance.awaiting.length === 0) return advance;
    const fresh = new Map(
      (await this.shipments.findManyForShare(manager, advance.awaiting.map(({ item }) => item))).map((s) => [s.id, s]),
    );
    const stale = advance.awaiting.filter(({ item, shipment }) => {
      const now = fresh.get(item.shipmentId);
      return !now || now.status !== shipment.status || now.updatedAt.getTime() !== shipment.updatedAt.getTime();
    });
    if (stale.length === 0) return advance;
    const redone = await this.advance(stale.map(({ item }) => item), advance.versions, fresh, at);
    const staleKeys = new Set(stale.map(({ item }) => item.claimedId ?? `${item.runId}:${item.nodeId}`));
    // The other steps of the pass stand; where both reached the same node, the first decision's row stays.
    const reached = new Map(redone.reached);
    for (const [key, step] of advance.reached) if (!staleKeys.has(key)) reached.set(key, step);
    return {
      versions: advance.versions,
      claimed: [...advance.claimed.filter((step) => !staleKeys.has(step.id)), ...redone.claimed],
      reached,
      messages: [...advance.messages, ...redone.messages],
      effects: [...advance.effects, ...redone.effects],
      wakeAt: [...advance.wakeAt, ...redone.wakeAt],
      queuedForLater: advance.queuedForLater || redone.queuedForLater,
      awaiting: [...advance.awaiting.filter(({ item }) => !staleKeys.has(item.claimedId ?? `${item.runId}:${item.nodeId}`)), ...redone.awaiting],
    };
  }

  /** Once written: the send stage for new messages, this stage for steps left queued, delayed jobs for waits. */
  async wakeAfter(advance: StepAdvance, at: Date): Promise<void> {
    const queuedMessages = advance.messages.filter((m) => m.state === 'queued').map((m) => m.idempotencyKey);
    if (queuedMessages.length > 0) {
      this.sender.pump.wake();
      await sendWakeUp(this.messageWakeUps, queuedMessages);
    }
    if (advance.queuedForLater) {
      this.pump.wake();
      await sendWakeUp(this.stepWakeUps, [...advance.reached.keys()]);
    }
    for (const second of new Set(advance.wakeAt.map((due) => Math.ceil(due.getTime() / 1000)))) {
      await sendWakeUp(this.stepWakeUps, [String(second)], { at: new Date(second * 1000), now: at });
    }
  }

  /** Decides a wave: each executor prepares its steps of the wave at once, then decides each one. */
  private async decide(
    wave: StepToRun[],
    versions: Map<string, CachedFlowVersion>,
    shipments: Map<string, ShipmentRow>,
    now: Date,
  ): Promise<Decision[]> {
    const decisions: Decision[] = new Array(wave.length);
    const steps: { index: number; step: WaveStep }[] = [];
    wave.forEach((item, index) => {
      // A waiting step that is due goes on through the port it waited on; it does not execute again.
      if (item.resumePort) {
        decisions[index] = { outcome: { kind: 'continue', port: item.resumePort }, messages: [], effects: [] };
        return;
      }
      if (item.attempts > STEP_MAX_ATTEMPTS) {
        // A step whose worker keeps dying before it can settle (leases expiring) must end somewhere.
        decisions[index] = { error: new PermanentStepError(`gave up after ${STEP_MAX_ATTEMPTS} attempts`) };
        return;
      }
      const node = versions.get(item.flowVersionId)?.nodes.get(item.nodeId);
      const executor = node && this.executors.get(node.type);
      const shipment = shipments.get(item.shipmentId);
      if (!node || !executor) {
        decisions[index] = { error: new PermanentStepError(`no executor for node ${item.nodeId} of the run's flow version`) };
        return;
      }
      if (!shipment) {
        decisions[index] = { outcome: { kind: 'end' }, messages: [], effects: [] };
        return;
      }
      try {
        const context: StepContext = {
          merchantId: item.merchantId,
          flowId: versions.get(item.flowVersionId)?.flowId ?? '',
          runId: item.runId,
          stepId: item.claimedId,
          nodeId: item.nodeId,
          config: this.configOf(node),
          shipment,
          event: item.event,
          publicationRevision: item.publicationRevision,
          pinned: (versions.get(item.flowVersionId) as CachedFlowVersion).pinnedAt(node.id),
          now,
        };
        steps.push({ index, step: { executor, context } });
      } catch (error) {
        decisions[index] = { error: new PermanentStepError(`the node's settings are invalid: ${(error as Error).message}`) };
      }
    });
    const decided = await executeWave(steps.map((s) => s.step));
    steps.forEach(({ index }, i) => (decisions[index] = decided[i]));
    return decisions;
  }

  /** Published configs were valid when published; parsing applies the schema's defaults and types. */
  private configOf(node: FlowNode): unknown {
    if (!this.parsedConfigs.has(node)) {
      const nodeType = getNodeType(node.type);
      this.parsedConfigs.set(node, nodeType ? nodeType.configSchema.parse(node.config) : node.config);
    }
    return this.parsedConfigs.get(node);
  }

  private failure(item: StepToRun, error: unknown, now: Date): StepResult {
    const message = error instanceof Error ? error.message : String(error);
    const retry = !(error instanceof PermanentStepError) && item.attempts < STEP_MAX_ATTEMPTS;
    return retry
      ? { ...DONE, state: 'queued', availableAt: plusSeconds(now, stepRetryDelaySeconds(item.attempts)), lastError: message }
      : { ...DONE, state: 'failed', availableAt: now, lastError: message };
  }

  private stepRow(item: StepToRun): Pick<NewStep, 'merchantId' | 'runId' | 'nodeId' | 'flowVersionId' | 'truth'> {
    return { merchantId: item.merchantId, runId: item.runId, nodeId: item.nodeId, flowVersionId: item.flowVersionId, truth: item.truth };
  }

  private newMessage(item: StepToRun, request: RequestedMessage): NewMessage {
    return {
      merchantId: item.merchantId,
      ...messageIdentity({ runId: item.runId, nodeId: item.nodeId, recipient: request.recipient }, this.config.MAIL_FROM),
      runId: item.runId,
      nodeId: item.nodeId,
      shipmentId: item.shipmentId,
      channel: request.channel,
      recipient: request.recipient,
      templateVersionId: request.templateVersionId,
      truth: item.truth,
      state: request.skipReason ? 'skipped' : 'queued',
      skipReason: request.skipReason,
    };
  }
}
