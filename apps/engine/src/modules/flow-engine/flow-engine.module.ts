import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { DomainEventsModule } from '../domain-events/domain-events.module';
import { FlowRunsModule } from '../flow-runs/flow-runs.module';
import { FlowsModule } from '../flows/flows.module';
import { MessagingModule } from '../messaging/messaging.module';
import { MessageSendingModule } from '../messaging/sending/message-sending.module';
import { OutboxRelayModule } from '../outbox-relay/outbox-relay.module';
import { TrackingModule } from '../tracking/tracking.module';
import { STEP_EFFECT_CLASSES } from './effects';
import { STEP_EFFECT_KINDS, StepEffectKind } from './effects/step-effect';
import { StepEffectsWriter } from './effects/step-effects.writer';
import { NODE_EXECUTOR_CLASSES } from './executors';
import { NODE_EXECUTORS, NodeExecutor } from './node-executor';
import { RecoverySweeperService } from './recovery-sweeper.service';
import { RunFactsRepository } from './run-facts.repository';
import { StepRunnerService } from './step-runner.service';
import { StepWakeUpsProcessor } from './step-wake-ups.processor';
import { TriggerMatcherService } from './trigger-matcher.service';

/**
 * The flow engine (worker engines only): outbox events → trigger matcher → runs → step runner (one executor
 * per node type) → messages for the send stage; plus the sweeper that recovers whatever Redis or a dead
 * worker lost.
 */
@Module({
  imports: [
    DomainEventsModule,
    OutboxRelayModule,
    FlowsModule,
    FlowRunsModule,
    TrackingModule,
    MessagingModule,
    MessageSendingModule,
    AlertsModule,
  ],
  providers: [
    RunFactsRepository,
    ...STEP_EFFECT_CLASSES,
    { provide: STEP_EFFECT_KINDS, useFactory: (...kinds: StepEffectKind[]) => kinds, inject: STEP_EFFECT_CLASSES },
    StepEffectsWriter,
    ...NODE_EXECUTOR_CLASSES,
    { provide: NODE_EXECUTORS, useFactory: (...executors: NodeExecutor[]) => executors, inject: NODE_EXECUTOR_CLASSES },
    TriggerMatcherService,
    StepRunnerService,
    StepWakeUpsProcessor,
    RecoverySweeperService,
  ],
})
export class FlowEngineModule {}
