import { describe, expect, it } from 'vitest';
import { statusChangedNodeType } from './status-changed';

const { configSchema, matches } = statusChangedNodeType;

describe('status_changed node type', () => {
  it('is a trigger with one "next" exit', () => {
    expect(statusChangedNodeType.kind).toBe('trigger');
    expect(statusChangedNodeType.outputs.map((port) => port.id)).toEqual(['next']);
  });

  it('starts with a valid default config', () => {
    expect(configSchema.safeParse(statusChangedNodeType.defaultConfig).success).toBe(true);
  });

  it('accepts any set of standard statuses', () => {
    expect(configSchema.safeParse({ statuses: ['out_for_delivery', 'delivered'] }).success).toBe(true);
  });

  it.each([
    [{ statuses: [] }, 'Choose at least one status.'],
    [{ statuses: ['delivered', 'delivered'] }, 'Each status can be chosen only once.'],
    [{}, 'Choose the statuses that start this flow.'],
  ])('rejects %j', (config, message) => {
    const result = configSchema.safeParse(config);

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('rejects statuses outside the 9 standard ones', () => {
    expect(configSchema.safeParse({ statuses: ['shipped'] }).success).toBe(false);
  });

  it('matches when the new status is one of the chosen ones', () => {
    const config = configSchema.parse({ statuses: ['out_for_delivery', 'delivered'] });

    expect(matches(config, { from: 'in_transit', to: 'delivered' })).toBe(true);
    expect(matches(config, { from: null, to: 'out_for_delivery' })).toBe(true);
  });

  it('does not match other new statuses, even when leaving a chosen one', () => {
    expect(matches({ statuses: ['delivered'] }, { from: 'delivered', to: 'returned' })).toBe(false);
  });
});
