import { describe, expect, it } from 'vitest';
import { chainFlow, flowNode, sendEmailNode } from './flow-fixtures';
import { stepLabels } from './step-labels';

const trigger = flowNode('trigger', 'status_changed', { statuses: ['delivered'] });

describe('stepLabels', () => {
  it('lists the steps after the trigger by their labels', () => {
    expect(stepLabels(chainFlow(trigger, sendEmailNode('email')))).toEqual(['Send email']);
  });

  it('orders steps by the edges, not by where they were written', () => {
    const flow = chainFlow(trigger, flowNode('wait', 'wait'), sendEmailNode('email'));
    flow.nodes.reverse();

    expect(stepLabels(flow)).toEqual(['Wait', 'Send email']);
  });

  it('names a step type the studio does not know by its machine name', () => {
    expect(stepLabels(chainFlow(trigger, flowNode('split', 'ab_split')))).toEqual(['Ab split']);
  });

  it('still lists the steps of a draft whose edges form a cycle', () => {
    const flow = chainFlow(trigger, sendEmailNode('first'), flowNode('second', 'wait'));
    flow.edges.push({ from: 'second', fromPort: 'next', to: 'first' });

    expect(stepLabels(flow)).toEqual(['Send email', 'Wait']);
  });
});
