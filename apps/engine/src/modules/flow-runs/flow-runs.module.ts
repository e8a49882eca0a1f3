import { Module } from '@nestjs/common';
import { FlowsModule } from '../flows/flows.module';
import { FlowRunRepository } from './flow-run.repository';
import { RunTruthService } from './run-truth.service';
import { StepTallyRepository } from './step-tally.repository';

/** Runs of published flows and their steps (with their tallies), and the one question others may ask of a run: is it still true? */
@Module({
  imports: [FlowsModule],
  providers: [FlowRunRepository, RunTruthService, StepTallyRepository],
  exports: [FlowRunRepository, RunTruthService, StepTallyRepository],
})
export class FlowRunsModule {}
