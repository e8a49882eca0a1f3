import { Module } from '@nestjs/common';
import { FlowsModule } from '../flows/flows.module';
import { FlowCountersController } from './flow-counters.controller';
import { FlowRunLogRepository } from './flow-run-log.repository';
import { FlowRunLogsService } from './flow-run-logs.service';
import { FlowRunsController } from './flow-runs.controller';
import { NodeCountersRepository } from './node-counters.repository';

/**
 * Reading runs: the runs API (filters, keyset pages, one run's log) and the per-node counters of flow versions.
 * The engine writes what they read in the step settlement (flow-runs/step-tally*).
 */
@Module({
  imports: [FlowsModule],
  controllers: [FlowRunsController, FlowCountersController],
  providers: [FlowRunLogRepository, NodeCountersRepository, FlowRunLogsService],
})
export class FlowRunLogsModule {}
