import { InjectQueue } from '@nestjs/bull';
import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { getNodeType, shipmentIdOf, type FlowNode, type TriggerNodeType } from '@postino/flow-model';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { WorkPump } from '../../common/batching/work-pump';
import { Clock } from '../clock/clock';
import { ClaimedDomainEvent, DomainEventRepository } from '../domain-events/domain-event.repository';
import { FlowRunRepository, NewRun } from '../flow-runs/flow-run.repository';
import { CachedFlowVersion } from '../flows/flow-version.cache';
import { PublishedFlowsCache } from '../flows/published-flows.cache';
import { pipelineRows } from '../metrics/metrics';
import { OutboxListener } from '../outbox-relay/outbox-listener';
import { QUEUES } from '../queues/queue-names';
import { sendWakeUp, WakeUpJob } from '../queues/wake-ups';
import { StepRunnerService } from './step-runner.service';

const BATCH = 500;

/** The trigger nodes of a version that listen to an event's type and match it. */
function matchingTriggers(version: CachedFlowVersion, event: ClaimedDomainEvent): FlowNode[] {
  return version.definition.nodes.filter((node) => {
    const nodeType = getNodeType(node.type);
    if (nodeType?.kind !== 'trigger' || !nodeType.listensTo.includes(event.type)) return false;
    return (nodeType as TriggerNodeType).matches(node.config, event);
  });
}

/**
 * The trigger stage, a batch at a time, in one transaction: claim unhandled outbox events (SKIP LOCKED),
 * match them in memory against the merchant's published flows (cached per publication revision), start
 * the runs with their first steps (one statement, unique keys) and mark the events handled. An event
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
    private readonly outbox: OutboxListener,
    private readonly clock: Clock,
    @InjectQueue(QUEUES.flowSteps) private readonly stepWakeUps: Queue<WakeUpJob>,
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
    const { handled, steps } = await this.db.transaction(async (manager) => {
      const events = await this.domainEvents.claimUnhandled(manager, BATCH);
      if (events.length === 0) return { handled: 0, steps: [] as string[] };
      const published = await this.publishedFlows.forMerchants(new Map(events.map((e) => [e.merchantId, e.publicationRevision])));
      const runs: NewRun[] = [];
      for (const event of events) {
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
          runs.push({
            merchantId: event.merchantId,
            flowVersionId: version.id,
            triggerEventId: event.id,
            triggerNodeId: triggers[0].id,
            shipmentId: shipmentIdOf(event),
            firstNodeIds: [...firstNodeIds],
          });
        }
      }
      const steps = await this.runs.startRuns(manager, runs, now);
      await this.domainEvents.markHandled(manager, events.map((e) => e.id), now);
      return { handled: events.length, steps };
    });
    pipelineRows.inc({ stage: 'events' }, handled);
    if (steps.length > 0) {
      this.steps.pump.wake();
      await sendWakeUp(this.stepWakeUps, steps);
    }
    return handled;
  }
}
