import { statusChangedNodeType, waitNodeType } from '@postino/flow-model';
import { describe, expect, it } from 'vitest';
import { chainFlow, flowNode, sendEmailNode } from './flow-fixtures';
import { describeSteps } from './describe-steps';

const trigger = flowNode('trigger', statusChangedNodeType.type, { statuses: ['delivered'] });

describe('describeSteps', () => {
  it('lists the steps after the trigger by their summaries', () => {
    const wait = flowNode('pause', waitNodeType.type, { duration: { amount: 2, unit: 'hours' } });

    expect(describeSteps(chainFlow(trigger, wait, sendEmailNode('email')))).toEqual(['Wait 2 hours', 'Send email']);
  });

  it('names a step not configured yet by its type', () => {
    expect(describeSteps(chainFlow(trigger, flowNode('pause', waitNodeType.type, {})))).toEqual(['Wait']);
  });

  it('orders steps by the edges, not by where they were written', () => {
    const flow = chainFlow(trigger, flowNode('pause', waitNodeType.type), sendEmailNode('email'));
    flow.nodes.reverse();

    expect(describeSteps(flow)).toEqual(['Wait', 'Send email']);
  });

  it('names a step type the studio does not know by its machine name', () => {
    expect(describeSteps(chainFlow(trigger, flowNode('pigeon', 'send_carrier_pigeon')))).toEqual(['Send carrier pigeon']);
  });

  it('still lists the steps of a draft whose edges form a cycle', () => {
    const flow = chainFlow(trigger, sendEmailNode('first'), flowNode('second', waitNodeType.type));
    flow.edges.push({ from: 'second', fromPort: 'next', to: 'first' });

    expect(describeSteps(flow)).toEqual(['Send email', 'Wait']);
  });
});
