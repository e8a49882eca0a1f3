import type { PendingEffect } from './effects/step-effect';
import type { NodeExecutor, NodeOutcome, RequestedMessage, StepContext, StepEffects } from './node-executor';

/** An effect a step asked for, before the runner notes which step it came from. */
export type AskedEffect = Omit<PendingEffect, 'origin'>;

/** What one step decided, with the messages and effects it asked for; or why it could not decide. */
export type Decision = { outcome: NodeOutcome; messages: RequestedMessage[]; effects: AskedEffect[] } | { error: unknown };

/** A step of a wave, with the executor of its node's type. */
export interface WaveStep {
  executor: NodeExecutor;
  context: StepContext;
}

/**
 * Decides a wave of steps, one decision per step in order: each executor prepares all its steps of the wave at
 * once (its batch I/O), then decides each in memory. Nothing is written: the step runner writes what this
 * decides, the dry-run only reports it — so both follow the very same node semantics.
 */
export async function executeWave(steps: readonly WaveStep[]): Promise<Decision[]> {
  const decisions: Decision[] = new Array(steps.length);
  const byExecutor = new Map<NodeExecutor, { index: number; context: StepContext }[]>();
  steps.forEach(({ executor, context }, index) => {
    const list = byExecutor.get(executor) ?? [];
    list.push({ index, context });
    byExecutor.set(executor, list);
  });
  for (const [executor, group] of byExecutor) {
    let prepared: unknown;
    try {
      prepared = await executor.prepare(group.map((s) => s.context));
    } catch (error) {
      for (const { index } of group) decisions[index] = { error };
      continue;
    }
    for (const { index, context } of group) {
      const messages: RequestedMessage[] = [];
      const effects: AskedEffect[] = [];
      const asks: StepEffects = {
        message: (request) => messages.push(request),
        add: (kind, request) => effects.push({ kind: kind as PendingEffect['kind'], request }),
      };
      try {
        const outcome = executor.execute(context, prepared, asks);
        decisions[index] = { outcome, messages, effects };
      } catch (error) {
        decisions[index] = { error };
      }
    }
  }
  return decisions;
}
