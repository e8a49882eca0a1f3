import { describe, expect, it } from 'vitest';
import { trackingProgress } from './tracking-progress';

const states = (progress: ReturnType<typeof trackingProgress>) => progress.steps.map((step) => step.state);

describe('trackingProgress', () => {
  it('has reached nothing while pending', () => {
    expect(states(trackingProgress('pending', []))).toEqual(['upcoming', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('fills the bar up to the current stage', () => {
    const progress = trackingProgress('out_for_delivery', ['out_for_delivery', 'in_transit', 'info_received']);
    expect(states(progress)).toEqual(['done', 'done', 'current', 'upcoming']);
    expect(progress.attention).toBe(false);
  });

  it('names the stage after the current status when it is a variant of it', () => {
    const progress = trackingProgress('available_for_pickup', []);
    expect(progress.steps[2]).toEqual({ status: 'available_for_pickup', state: 'current' });
  });

  it('flags a failed attempt', () => {
    expect(trackingProgress('failed_attempt', []).attention).toBe(true);
  });

  it('keeps how far the parcel got when an exception interrupts the journey', () => {
    const progress = trackingProgress('exception', ['exception', null, 'in_transit', 'info_received']);
    expect(states(progress)).toEqual(['done', 'current', 'upcoming', 'upcoming']);
    expect(progress.steps[1].status).toBe('in_transit');
    expect(progress.attention).toBe(true);
  });

  it('ends on delivered', () => {
    expect(states(trackingProgress('delivered', []))).toEqual(['done', 'done', 'done', 'current']);
  });
});
