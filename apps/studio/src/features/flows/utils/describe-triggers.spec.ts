import { statusChangedNodeType } from '@postino/flow-model';
import { describe, expect, it } from 'vitest';
import { describeTriggers } from './describe-triggers';
import { chainFlow, flowNode, sendEmailNode } from './flow-fixtures';

describe('describeTriggers', () => {
  it('summarizes each trigger, naming the statuses by their display labels', () => {
    const flow = chainFlow(
      flowNode('trigger', statusChangedNodeType.type, { statuses: ['out_for_delivery', 'delivered'] }),
      sendEmailNode('email'),
    );

    expect(describeTriggers(flow)).toEqual(['Status becomes Out for delivery or Delivered']);
  });

  it('falls back to the trigger type when a draft has not chosen statuses yet', () => {
    const flow = chainFlow(flowNode('trigger', statusChangedNodeType.type, { statuses: [] }), sendEmailNode('email'));

    expect(describeTriggers(flow)).toEqual(['Status changed']);
  });

  it('describes each trigger of a flow that has several', () => {
    const flow = {
      nodes: [
        flowNode('a', statusChangedNodeType.type, { statuses: ['delivered'] }),
        flowNode('b', statusChangedNodeType.type, { statuses: ['exception'] }),
        sendEmailNode('email'),
      ],
      edges: [],
    };

    expect(describeTriggers(flow)).toEqual(['Status becomes Delivered', 'Status becomes Delivery issue']);
  });

  it('is empty for a flow with nothing to start it', () => {
    expect(describeTriggers({ nodes: [sendEmailNode('email')], edges: [] })).toEqual([]);
  });
});
