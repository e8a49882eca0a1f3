import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { getNodeType, nextNodes, triggerNodes } from '@postino/flow-model';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { DomainEventRepository } from '../domain-events/domain-event.repository';
import { SHIPMENT_STATUS_CHANGED, ShipmentStatusChanged } from '../domain-events/domain-event';
import { attemptJobId, QUEUES, RowJob } from '../queues/queue-names';
import { FlowsService } from '../flows/flows.service';
import { FlowRunRepository } from './flow-run.repository';

/** Starts a run of every published flow version whose trigger matches a domain event. */
@Injectable()
export class FlowTriggerService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly domainEvents: DomainEventRepository,
    private readonly runs: FlowRunRepository,
    private readonly flows: FlowsService,
    @InjectQueue(QUEUES.flowSteps) private readonly steps: Queue<RowJob>,
  ) {}

  async handle(merchantId: string, domainEventId: string): Promise<void> {
    const event = await this.domainEvents.find<ShipmentStatusChanged>(merchantId, domainEventId);
    if (!event || event.type !== SHIPMENT_STATUS_CHANGED) return;
    const change = { from: event.payload.from, to: event.payload.to };
    const versions = await this.flows.publishedVersionsForMerchant(merchantId);

    const created = await this.db.transaction(async (manager) => {
      const stepIds: string[] = [];
      for (const { versionId, definition } of versions) {
        const firstNodes = triggerNodes(definition)
          .filter((trigger) => {
            const type = getNodeType(trigger.type);
            return type?.kind === 'trigger' && type.matches(trigger.config as never, change as never);
          })
          .flatMap((trigger) => nextNodes(definition, trigger.id, 'next').map((n) => n.id));
        if (firstNodes.length === 0) continue;
        const runId = await this.runs.createRun(manager, {
          merchantId,
          flowVersionId: versionId,
          triggerEventId: event.id,
          shipmentId: event.payload.shipmentId,
        });
        if (runId) stepIds.push(...(await this.runs.createSteps(manager, merchantId, runId, [...new Set(firstNodes)])));
      }
      return stepIds;
    });

    await this.steps.addBulk(
      created.map((id) => ({ name: 'run', data: { id, merchantId }, opts: { jobId: attemptJobId('step', id, 0) } })),
    );
  }
}
