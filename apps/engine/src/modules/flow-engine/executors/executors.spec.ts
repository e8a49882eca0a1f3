import { NODE_TYPES } from '@postino/flow-model';
import { describe, expect, it } from 'vitest';
import type { NodeExecutor } from '../node-executor';
import { NODE_EXECUTOR_CLASSES } from '.';

// Executors only read their node type in field initialisers, so they can be built without their services.
const executors = NODE_EXECUTOR_CLASSES.map((Executor) => new (Executor as unknown as new () => NodeExecutor)());
const executorTypes = executors.map((executor) => executor.nodeType.type);

describe('node executors', () => {
  it.each(Object.values(NODE_TYPES).filter((nodeType) => nodeType.kind !== 'trigger'))(
    'step node type $type has exactly one executor',
    (nodeType) => {
      expect(executorTypes.filter((type) => type === nodeType.type)).toHaveLength(1);
    },
  );

  it.each(executors)('the executor of $nodeType.type belongs to a registered step node type', (executor) => {
    const registered = Object.values(NODE_TYPES).find((nodeType) => nodeType.type === executor.nodeType.type);
    expect(registered).toBe(executor.nodeType);
    expect(registered?.kind).not.toBe('trigger');
  });
});
