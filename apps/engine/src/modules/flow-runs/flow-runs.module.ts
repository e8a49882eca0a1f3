import { Module } from '@nestjs/common';
import { FlowsModule } from '../flows/flows.module';
import { FlowRunRepository } from './flow-run.repository';
import { RunTruthService } from './run-truth.service';

/** Runs of published flows and their steps, and the one question others may ask of a run: is it still true? */
@Module({
  imports: [FlowsModule],
  providers: [FlowRunRepository, RunTruthService],
  exports: [FlowRunRepository, RunTruthService],
})
export class FlowRunsModule {}
