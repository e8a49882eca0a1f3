import { Injectable } from '@nestjs/common';
import {
  DRY_RUN_SAMPLE_MESSAGES,
  DryRunMessage,
  DryRunNodeCount,
  FlowDryRunRequest,
  FlowDryRunResponse,
  RangeDryRun,
  ShipmentDryRun,
} from '@postino/api-contract';
import { flowReferences, getNodeType, referenceIssues, validateFlow } from '@postino/flow-model';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError } from '../../common/http/api-error';
import { Clock } from '../clock/clock';
import { matchingTriggers } from '../flow-engine/trigger-matcher.service';
import { flowInvalid } from '../flows/flow-invalid.error';
import { CachedFlowVersion, indexFlowVersion } from '../flows/flow-version.cache';
import { PublishingService } from '../publishing/publishing.service';
import { pinReferences, referenceState } from '../publishing/version-pins';
import { SendingPolicyRepository } from '../sending-policy/sending-policy.repository';
import type { ShipmentRow } from '../tracking/shipment';
import { DryRunMessages, JudgingScope, SimulatedMessage } from './dry-run-messages';
import { DryRunRepository, HistoryEvent } from './dry-run.repository';
import { FlowSimulator, SimulatedRun, SimulatedStep, SimulationScope, triggerEventTypes } from './simulation';

/** Shipments replayed together: each chunk costs the same few statements (shipments, histories, one per executor and wave). */
const CHUNK = 1_000;

/** The runs the flow starts for these events: one per event that a trigger matches (as the trigger matcher does). */
function runsOf(version: CachedFlowVersion, shipment: ShipmentRow, history: HistoryEvent[], replayed: (entry: HistoryEvent) => boolean) {
  return history.flatMap((entry): SimulatedRun[] => {
    if (!replayed(entry)) return [];
    const triggers = matchingTriggers(version, entry.event);
    return triggers.length === 0 ? [] : [{ key: entry.id, shipment, history, triggerNodeId: triggers[0].id, trigger: entry }];
  });
}

function messagesOf(steps: SimulatedStep[]): SimulatedMessage[] {
  return steps.flatMap(({ run, decision, messages }) => messages.map(({ request, at, truth }) => ({ run, nodeId: decision.nodeId, request, at, truth })));
}

/**
 * POST /flows/:id/dry-run: what the flow (its draft, or a published version) would do — for one shipment,
 * the path and each decision with the rendered messages; for a range, counts per node and port and a few
 * rendered messages. Everything is read in one read-only transaction on read-only connections, the nodes
 * decide through the engine's executors, and nothing is written, sent or called.
 */
@Injectable()
export class FlowDryRunService {
  constructor(
    private readonly db: DataSource,
    private readonly reads: DryRunRepository,
    private readonly simulator: FlowSimulator,
    private readonly messages: DryRunMessages,
    private readonly publishing: PublishingService,
    private readonly policies: SendingPolicyRepository,
    private readonly clock: Clock,
  ) {}

  dryRun(merchantId: string, flowId: string, request: FlowDryRunRequest): Promise<FlowDryRunResponse> {
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const version = await this.versionOf(manager, merchantId, flowId, request.version);
      const [merchant, policies] = await Promise.all([this.reads.merchant(manager, merchantId), this.policies.getMany([merchantId])]);
      const scope: SimulationScope & JudgingScope = {
        merchantId,
        merchantName: merchant.name,
        publicationRevision: merchant.publicationRevision,
        version,
        policy: policies.get(merchantId)!,
        manager,
        now: this.clock.now(),
      };
      if (request.shipmentId !== undefined) {
        return { version: request.version, shipment: await this.oneShipment(scope, request.shipmentId), range: null };
      }
      const range = await this.range(scope, new Date(request.from as string), new Date(request.to as string));
      return { version: request.version, shipment: null, range };
    });
  }

  private async oneShipment(scope: SimulationScope & JudgingScope, shipmentId: string): Promise<ShipmentDryRun> {
    const [shipment] = await this.reads.shipments(scope.manager, scope.merchantId, [shipmentId]);
    if (!shipment) throw ApiError.notFound('Shipment');
    const history = (await this.reads.histories(scope.manager, scope.merchantId, [shipmentId])).get(shipmentId) ?? [];
    // The first event that starts the flow is replayed: its later history is what the waits look into.
    const [run] = runsOf(scope.version, shipment, history, () => true);
    if (!run) return { shipmentId, started: false, trigger: null, decisions: [], messages: [] };
    const steps = await this.simulator.simulate(scope, [run]);
    const messages = await this.messages.judge(scope, messagesOf(steps), () => true);
    return {
      shipmentId,
      started: true,
      trigger: { nodeId: run.triggerNodeId, eventId: run.trigger.id, type: run.trigger.event.type, at: run.trigger.at.toISOString() },
      decisions: steps.map((step) => step.decision),
      messages,
    };
  }

  private async range(scope: SimulationScope & JudgingScope, from: Date, to: Date): Promise<RangeDryRun> {
    const { manager, merchantId, version } = scope;
    const shipmentIds = await this.reads.shipmentsWithEventsIn(manager, merchantId, triggerEventTypes(version), from, to);
    const counts = new Map<string, DryRunNodeCount>(
      version.definition.nodes.map((node) => [node.id, { nodeId: node.id, entered: 0, exits: {}, ended: 0, failed: 0 }]),
    );
    const totals = { total: 0, wouldSend: 0, skipped: 0, deferred: 0 };
    const samples: DryRunMessage[] = [];
    let runCount = 0;
    for (let i = 0; i < shipmentIds.length; i += CHUNK) {
      const ids = shipmentIds.slice(i, i + CHUNK);
      const [shipments, histories] = await Promise.all([this.reads.shipments(manager, merchantId, ids), this.reads.histories(manager, merchantId, ids)]);
      const runs = shipments.flatMap((shipment) =>
        runsOf(version, shipment, histories.get(shipment.id) ?? [], (entry) => entry.at >= from && entry.at < to),
      );
      runCount += runs.length;
      for (const run of runs) this.countTrigger(counts, version, run);
      const steps = await this.simulator.simulate(scope, runs);
      for (const step of steps) this.countStep(counts, step);
      const messages = messagesOf(steps);
      const wanted = DRY_RUN_SAMPLE_MESSAGES - samples.length;
      const sampled = new Set(messages.flatMap((m, index) => (m.request.recipient ? [index] : [])).slice(0, Math.max(wanted, 0)));
      const judged = await this.messages.judge(scope, messages, (index) => sampled.has(index));
      judged.forEach((message, index) => {
        totals.total++;
        if (message.verdict === 'would_send') totals.wouldSend++;
        else if (message.verdict === 'deferred') totals.deferred++;
        else if (message.verdict === 'skipped') totals.skipped++;
        if (sampled.has(index)) samples.push(message);
      });
    }
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      shipments: shipmentIds.length,
      runs: runCount,
      nodes: [...counts.values()],
      messages: totals,
      samples,
    };
  }

  /** A trigger "leaves" by its first exit, the one the run starts through. */
  private countTrigger(counts: Map<string, DryRunNodeCount>, version: CachedFlowVersion, run: SimulatedRun): void {
    const count = counts.get(run.triggerNodeId);
    const trigger = version.nodes.get(run.triggerNodeId);
    const port = trigger && getNodeType(trigger.type)?.ports(trigger.config as never)[0]?.id;
    if (!count || !port) return;
    count.entered++;
    count.exits[port] = (count.exits[port] ?? 0) + 1;
  }

  private countStep(counts: Map<string, DryRunNodeCount>, { decision, failed }: SimulatedStep): void {
    const count = counts.get(decision.nodeId);
    if (!count) return;
    count.entered++;
    if (failed) count.failed++;
    else if (decision.port === null) count.ended++;
    else count.exits[decision.port] = (count.exits[decision.port] ?? 0) + 1;
  }

  /**
   * The version to simulate: a published one as it is, or the draft — validated (422 with the validator's
   * problems, as publishing would answer) and its references pinned to what is published now, as publishing
   * would pin them.
   */
  private async versionOf(manager: EntityManager, merchantId: string, flowId: string, version: 'draft' | number): Promise<CachedFlowVersion> {
    const source = await this.reads.flowSource(manager, merchantId, flowId, version);
    if (!source) {
      if (version !== 'draft' && (await this.reads.flowExists(manager, merchantId, flowId))) {
        throw ApiError.validation([{ field: 'version', message: `the flow has no version ${version}` }]);
      }
      throw ApiError.notFound('Flow');
    }
    if (source.kind === 'version') {
      return indexFlowVersion({ id: source.versionId, flowId, definition: source.definition, pins: source.pins });
    }
    const validation = validateFlow(source.definition);
    if (!validation.ok) throw flowInvalid(source.definition, validation.issues);
    const references = flowReferences(validation.flow);
    const current = await this.publishing.currentVersions(manager, merchantId, references);
    const issues = referenceIssues(validation.flow, (reference) => referenceState(current, reference));
    if (issues.length > 0) throw flowInvalid(source.definition, issues);
    return indexFlowVersion({ id: 'draft', flowId, definition: validation.flow, pins: pinReferences(references, current) });
  }
}
