import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { getNodeType, type FlowEvent, type FlowNode } from '@postino/flow-model';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { WorkPump } from '../../common/batching/work-pump';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { Clock, plusSeconds } from '../clock/clock';
import { FlowRunRepository, NewStep, StepResult } from '../flow-runs/flow-run.repository';
import { CachedFlowVersion, FlowVersionCache } from '../flows/flow-version.cache';
import { messageIdentity } from '../messaging/message-identity';
import { MessageRepository, NewMessage } from '../messaging/message.repository';
import { MessageSenderService } from '../messaging/sending/message-sender.service';
import { pipelineRows } from '../metrics/metrics';
import { QUEUES } from '../queues/queue-names';
import { sendWakeUp, WakeUpJob } from '../queues/wake-ups';
import type { ShipmentRow } from '../tracking/shipment';
import { ShipmentRepository } from '../tracking/shipment.repository';
import { NODE_EXECUTORS, NodeExecutor, NodeOutcome, PermanentStepError, RequestedMessage, StepContext } from './node-executor';

export const STEP_LEASE_SECONDS = 60;
export const STEP_MAX_ATTEMPTS = 5;
const BATCH = 500;
/** Steps reached in a batch run in the same pass, this many hops deep; deeper ones are queued for the next. */
const MAX_HOPS = 16;

export function stepRetryDelaySeconds(attempts: number): number {
  return Math.min(5 * 2 ** (attempts - 1), 600);
}

/** A step to decide in this pass: one claimed from Postgres, or one its predecessor reached in this pass. */
interface WorkItem {
  claimedId: string | null;
  merchantId: string;
  runId: string;
  nodeId: string;
  attempts: number;
  resumePort: string | null;
  flowVersionId: string;
  shipmentId: string;
  event: FlowEvent;
  publicationRevision: string;
}

type Decision = { outcome: NodeOutcome; messages: RequestedMessage[] } | { error: unknown };

/**
 * The step stage, a batch at a time: claim due steps with a lease (one statement), load their shipments
 * (one), decide every step in memory through its node type's executor — steps they reach run in the same
 * pass — and settle everything (claimed steps, reached steps, messages) in one transaction. Then wake the
 * send stage, and schedule a wake-up for each wait.
 */
@Injectable()
export class StepRunnerService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly pump = new WorkPump('StepRunner', () => this.runBatch(), { batchSize: BATCH, parallelism: 2 });
  private readonly executors: Map<string, NodeExecutor>;
  private readonly parsedConfigs = new WeakMap<FlowNode, unknown>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runs: FlowRunRepository,
    private readonly versions: FlowVersionCache,
    private readonly shipments: ShipmentRepository,
    private readonly messages: MessageRepository,
    private readonly sender: MessageSenderService,
    private readonly clock: Clock,
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
    const [versions, shipmentRows] = await Promise.all([this.versions.getMany(keys), this.shipments.findMany(keys)]);
    const shipments = new Map(shipmentRows.map((s) => [s.id, s]));

    const claimedResults: (StepResult & { id: string; attempts: number })[] = [];
    const reached = new Map<string, NewStep>();
    const newMessages: NewMessage[] = [];
    const seen = new Set(claimed.map((s) => `${s.runId}:${s.nodeId}`));
    const wakeAt: Date[] = [];
    let queuedForLater = false;

    let wave: WorkItem[] = claimed.map((s) => ({ ...s, claimedId: s.id }));
    for (let hop = 0; wave.length > 0; hop++) {
      const decisions = await this.decide(wave, versions, shipments, now);
      const nextWave: WorkItem[] = [];
      wave.forEach((item, index) => {
        const decision = decisions[index];
        let result: StepResult;
        if ('error' in decision) {
          result = this.failure(item, decision.error, now);
        } else {
          for (const request of decision.messages) newMessages.push(this.newMessage(item, request));
          const { outcome } = decision;
          const port = outcome.kind === 'end' ? null : outcome.port;
          if (outcome.kind === 'wait_until' && outcome.until > now) {
            result = { state: 'waiting', availableAt: outcome.until, resumePort: outcome.port, lastError: null };
            wakeAt.push(outcome.until);
          } else {
            result = { state: 'done', availableAt: now, resumePort: null, lastError: null };
            for (const node of port ? (versions.get(item.flowVersionId)?.next(item.nodeId, port) ?? []) : []) {
              const key = `${item.runId}:${node.id}`;
              if (seen.has(key)) continue;
              seen.add(key);
              const next: WorkItem = { ...item, claimedId: null, nodeId: node.id, attempts: 1, resumePort: null };
              if (hop + 1 < MAX_HOPS) nextWave.push(next);
              else {
                queuedForLater = true;
                reached.set(key, { ...this.stepRow(next), attempts: 0, state: 'queued', availableAt: now, resumePort: null, lastError: null });
              }
            }
          }
        }
        if (item.claimedId) claimedResults.push({ ...result, id: item.claimedId, attempts: item.attempts });
        else reached.set(`${item.runId}:${item.nodeId}`, { ...this.stepRow(item), attempts: 1, ...result });
        if (result.state === 'queued') wakeAt.push(result.availableAt);
      });
      wave = nextWave;
    }

    const settledAt = this.clock.now();
    await this.db.transaction(async (manager) => {
      await this.runs.settle(manager, claimedResults, [...reached.values()], settledAt);
      await this.messages.insertMany(manager, newMessages, settledAt);
    });
    pipelineRows.inc({ stage: 'steps' }, claimedResults.length + reached.size);

    const queuedMessages = newMessages.filter((m) => m.state === 'queued').map((m) => m.idempotencyKey);
    if (queuedMessages.length > 0) {
      this.sender.pump.wake();
      await sendWakeUp(this.messageWakeUps, queuedMessages);
    }
    if (queuedForLater) {
      this.pump.wake();
      await sendWakeUp(this.stepWakeUps, claimed.map((s) => s.id));
    }
    for (const second of new Set(wakeAt.map((at) => Math.ceil(at.getTime() / 1000)))) {
      await sendWakeUp(this.stepWakeUps, [String(second)], { at: new Date(second * 1000), now: settledAt });
    }
    return claimed.length;
  }

  /** Decides a wave: each executor prepares its steps of the wave at once, then decides each one. */
  private async decide(
    wave: WorkItem[],
    versions: Map<string, CachedFlowVersion>,
    shipments: Map<string, ShipmentRow>,
    now: Date,
  ): Promise<Decision[]> {
    const decisions: Decision[] = new Array(wave.length);
    const byExecutor = new Map<NodeExecutor, { index: number; context: StepContext }[]>();
    wave.forEach((item, index) => {
      // A waiting step that is due goes on through the port it waited on; it does not execute again.
      if (item.resumePort) {
        decisions[index] = { outcome: { kind: 'continue', port: item.resumePort }, messages: [] };
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
        decisions[index] = { outcome: { kind: 'end' }, messages: [] };
        return;
      }
      try {
        const context: StepContext = {
          merchantId: item.merchantId,
          runId: item.runId,
          stepId: item.claimedId,
          nodeId: item.nodeId,
          config: this.configOf(node),
          shipment,
          event: item.event,
          publicationRevision: item.publicationRevision,
          now,
        };
        const list = byExecutor.get(executor) ?? [];
        list.push({ index, context });
        byExecutor.set(executor, list);
      } catch (error) {
        decisions[index] = { error: new PermanentStepError(`the node's settings are invalid: ${(error as Error).message}`) };
      }
    });
    for (const [executor, steps] of byExecutor) {
      let prepared: unknown;
      try {
        prepared = await executor.prepare(steps.map((s) => s.context));
      } catch (error) {
        for (const { index } of steps) decisions[index] = { error };
        continue;
      }
      for (const { index, context } of steps) {
        const messages: RequestedMessage[] = [];
        try {
          const outcome = executor.execute(context, prepared, { message: (request) => messages.push(request) });
          decisions[index] = { outcome, messages };
        } catch (error) {
          decisions[index] = { error };
        }
      }
    }
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

  private failure(item: WorkItem, error: unknown, now: Date): StepResult {
    const message = error instanceof Error ? error.message : String(error);
    const retry = !(error instanceof PermanentStepError) && item.attempts < STEP_MAX_ATTEMPTS;
    return retry
      ? { state: 'queued', availableAt: plusSeconds(now, stepRetryDelaySeconds(item.attempts)), resumePort: null, lastError: message }
      : { state: 'failed', availableAt: now, resumePort: null, lastError: message };
  }

  private stepRow(item: WorkItem): Pick<NewStep, 'merchantId' | 'runId' | 'nodeId'> {
    return { merchantId: item.merchantId, runId: item.runId, nodeId: item.nodeId };
  }

  private newMessage(item: WorkItem, request: RequestedMessage): NewMessage {
    return {
      merchantId: item.merchantId,
      ...messageIdentity({ runId: item.runId, nodeId: item.nodeId, recipient: request.recipient }, this.config.MAIL_FROM),
      runId: item.runId,
      nodeId: item.nodeId,
      shipmentId: item.shipmentId,
      channel: request.channel,
      recipient: request.recipient,
      templateVersionId: request.templateVersionId,
      state: request.skipReason ? 'skipped' : 'queued',
      skipReason: request.skipReason,
    };
  }
}
