import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { awaitedEventMatches, getNodeType, shipmentIdOf, type FlowEvent, type FlowNode, type TriggerNodeType } from '@postino/flow-model';
import { DataSource, EntityManager } from 'typeorm';
import { WorkPump } from '../../common/batching/work-pump';
import { Clock } from '../clock/clock';
import { DomainEventRepository } from '../domain-events/domain-event.repository';
import { isFlowEvent } from '../domain-events/domain-event-types';
import { FlowRunRepository, NewRun } from '../flow-runs/flow-run.repository';
import { CachedFlowVersion } from '../flows/flow-version.cache';
import { PublishedFlowsCache } from '../flows/published-flows.cache';
import { pipelineRows } from '../metrics/metrics';
import { OutboxListener } from '../outbox-relay/outbox-listener';
import { ShipmentRepository } from '../tracking/shipment.repository';
import { StepRunnerService, StepToRun } from './step-runner.service';

const BATCH = 500;

/** The trigger nodes of a version that listen to an event's type and match it (the dry-run asks the same). */
export function matchingTriggers(version: CachedFlowVersion, event: FlowEvent): FlowNode[] {
  return version.definition.nodes.filter((node) => {
    const nodeType = getNodeType(node.type);
    if (nodeType?.kind !== 'trigger' || !nodeType.listensTo.includes(event.type)) return false;
    return (nodeType as TriggerNodeType).matches(node.config, event);
  });
}

/**
 * The trigger stage, a batch at a time, in one transaction: claim unhandled outbox events (SKIP LOCKED),
 * match them in memory against the merchant's published flows (cached per publication revision), start
 * the runs (one statement, unique keys), advance their first steps at once through the step runner (a run of
 * trigger → wait 0 s → e-mail has its message row when this commits) and mark the events handled. An event
 * counts as handled only once its runs exist, so nothing Redis loses can lose a run.
 */
@Injectable()
export class TriggerMatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly pump = new WorkPump('TriggerMatcher', () => this.matchBatch(), { batchSize: BATCH, parallelism: 2 });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly domainEvents: DomainEventRepository,
    private readonly runs: FlowRunRepository,
    private readonly publishedFlows: PublishedFlowsCache,
    private readonly steps: StepRunnerService,
    private readonly shipments: ShipmentRepository,
    private readonly outbox: OutboxListener,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.outbox.onEvents(() => this.pump.wake());
    this.pump.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pump.stop();
  }

  /** One pass: returns how many events it handled. */
  async matchBatch(): Promise<number> {
    const now = this.clock.now();
    const result = await this.db.transaction(async (manager) => {
      const events = await this.domainEvents.claimUnhandled(manager, BATCH);
      if (events.length === 0) return null;
      const published = await this.publishedFlows.forMerchants(new Map(events.map((e) => [e.merchantId, e.publicationRevision])));
      const versions = new Map<string, CachedFlowVersion>();
      const runs: NewRun[] = [];
      const firstSteps: StepToRun[] = [];
      for (const event of events) {
        // Events no flow can react to (order.*, customer.*) start nothing and are marked handled with the rest.
        if (!isFlowEvent(event)) continue;
        for (const { version } of published.get(event.merchantId) ?? []) {
          const triggers = matchingTriggers(version, event);
          if (triggers.length === 0) continue;
          // A trigger goes on through its first exit; several matching triggers of one flow make one run.
          const firstNodeIds = new Set(
            triggers.flatMap((trigger) => {
              const port = getNodeType(trigger.type)?.ports(trigger.config as never)[0]?.id;
              return port ? version.next(trigger.id, port).map((node) => node.id) : [];
            }),
          );
          if (firstNodeIds.size === 0) continue;
          const run: NewRun = {
            id: randomUUID(),
            merchantId: event.merchantId,
            flowVersionId: version.id,
            triggerEventId: event.id,
            triggerNodeId: triggers[0].id,
            shipmentId: shipmentIdOf(event),
          };
          runs.push(run);
          versions.set(version.id, version);
          for (const nodeId of firstNodeIds) {
            firstSteps.push({
              claimedId: null,
              merchantId: run.merchantId,
              runId: run.id,
              nodeId,
              attempts: 1,
              resumePort: null,
              flowVersionId: run.flowVersionId,
              shipmentId: run.shipmentId,
              event,
              truth: null,
              publicationRevision: event.publicationRevision,
            });
          }
        }
      }
      const shipments = await this.shipments.findMany(runs.map((r) => ({ merchantId: r.merchantId, shipmentId: r.shipmentId })));
      const advance = await this.steps.advance(firstSteps, versions, new Map(shipments.map((s) => [s.id, s])), now);
      const started = await this.runs.insertRuns(manager, runs, now);
      // Only what belongs to runs inserted now is written (an existing run already has its steps).
      const belongs = (row: { runId: string }) => started.has(row.runId);
      const written = await this.steps.write(
        manager,
        {
          ...advance,
          reached: new Map([...advance.reached].filter(([, step]) => belongs(step))),
          messages: advance.messages.filter(belongs),
          awaiting: advance.awaiting.filter(({ item }) => belongs(item)),
        },
        now,
        runs.filter((run) => started.has(run.id)),
      );
      const resumed = await this.resumeAwaitingSteps(manager, events.filter(isFlowEvent), now);
      await this.domainEvents.markHandled(manager, events.map((e) => e.id), now);
      return { handled: events.length, written, resumed };
    });
    if (!result) return 0;
    pipelineRows.inc({ stage: 'events' }, result.handled);
    await this.steps.wakeAfter(result.written, now);
    if (result.resumed > 0) this.steps.pump.wake();
    return result.handled;
  }

  /**
   * Steps waiting for an event of these events' shipments (one statement), matched in memory, are made due
   * now through their awaited port (one more): in the transaction that marks the events handled, so an
   * event is handled exactly when the waits it ends are due. Returns how many it resumed.
   */
  private async resumeAwaitingSteps(manager: EntityManager, events: (FlowEvent & { merchantId: string })[], now: Date): Promise<number> {
    if (events.length === 0) return 0;
    const byShipment = new Map<string, FlowEvent[]>();
    for (const event of events) byShipment.set(shipmentIdOf(event), [...(byShipment.get(shipmentIdOf(event)) ?? []), event]);
    const keys = [...new Map(events.map((e) => [shipmentIdOf(e), { merchantId: e.merchantId, shipmentId: shipmentIdOf(e) }])).values()];
    const waiting = await this.runs.awaitingSteps(manager, keys);
    const resumed = waiting
      .filter((step) => byShipment.get(step.shipmentId)?.some((event) => awaitedEventMatches(step.event, event)))
      .map((step) => ({ id: step.id, port: step.port }));
    return this.runs.resumeAwaiting(manager, resumed, now);
  }
}
