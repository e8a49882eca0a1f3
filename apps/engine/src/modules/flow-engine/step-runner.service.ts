import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { nextNodes } from '@postino/flow-model';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { attemptJobId, QUEUES, RowJob } from '../queues/queue-names';
import { FlowRunRepository } from './flow-run.repository';
import { NODE_EXECUTORS, NodeExecutor, PermanentStepError } from './node-executor';

export const STEP_LEASE_SECONDS = 60;
export const STEP_MAX_ATTEMPTS = 5;

export function stepRetryDelaySeconds(attempts: number): number {
  return Math.min(5 * 2 ** (attempts - 1), 600);
}

/** Claims one step, runs its node's executor, and queues the steps behind the port it took. */
@Injectable()
export class FlowStepRunner {
  private readonly logger = new Logger('FlowStepRunner');
  private readonly executors: Map<string, NodeExecutor>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runs: FlowRunRepository,
    @Inject(NODE_EXECUTORS) executors: NodeExecutor[],
    @InjectQueue(QUEUES.flowSteps) private readonly queue: Queue<RowJob>,
  ) {
    this.executors = new Map(executors.map((e) => [e.type, e]));
  }

  async run(merchantId: string, stepId: string): Promise<void> {
    const step = await this.runs.claimStep(merchantId, stepId, STEP_LEASE_SECONDS);
    if (!step) return;
    // A step whose worker keeps dying before it can settle (leases expiring) must end somewhere.
    if (step.attempts > STEP_MAX_ATTEMPTS) {
      await this.runs.failStep(merchantId, stepId, `gave up after ${STEP_MAX_ATTEMPTS} attempts`, null);
      return;
    }
    try {
      const context = await this.runs.runContext(merchantId, step.runId);
      const node = context?.definition.nodes.find((n) => n.id === step.nodeId);
      if (!context || !node) throw new PermanentStepError(`node ${step.nodeId} is not in the run's flow version`);
      const executor = this.executors.get(node.type);
      if (!executor) throw new PermanentStepError(`no executor for node type ${node.type}`);
      const outcome = await executor.execute({
        merchantId,
        runId: step.runId,
        stepId,
        node,
        shipmentId: context.shipmentId,
        triggerEventId: context.triggerEventId,
        triggerPayload: context.triggerPayload,
      });
      const next = outcome.port ? nextNodes(context.definition, node.id, outcome.port).map((n) => n.id) : [];
      const created = await this.db.transaction(async (manager) => {
        await this.runs.completeStep(manager, merchantId, stepId);
        return this.runs.createSteps(manager, merchantId, step.runId, next);
      });
      await this.queue.addBulk(
        created.map((id) => ({ name: 'run', data: { id, merchantId }, opts: { jobId: attemptJobId('step', id, 0) } })),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retry = !(error instanceof PermanentStepError) && step.attempts < STEP_MAX_ATTEMPTS;
      const delay = retry ? stepRetryDelaySeconds(step.attempts) : null;
      this.logger.warn({ stepId, attempts: step.attempts, retryInSeconds: delay }, `step failed: ${message}`);
      await this.runs.failStep(merchantId, stepId, message, delay);
      if (delay !== null) {
        await this.queue.add(
          'run',
          { id: stepId, merchantId },
          // One second after the row is due, so the job never arrives before the row can be claimed.
          { jobId: attemptJobId('step', stepId, step.attempts), delay: (delay + 1) * 1000 },
        );
      }
    }
  }
}
