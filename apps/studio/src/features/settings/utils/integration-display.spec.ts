import { DELIVERY_RESULTS, SHOP_PLATFORMS } from '@postino/api-contract';
import { describe, expect, it } from 'vitest';
import { deliveryResultLabels, deliveryResultTones, platformLabels, platformSetup } from './integration-display';

describe('integration display', () => {
  it('names every platform and says where its secret comes from', () => {
    expect(SHOP_PLATFORMS.map((platform) => platformLabels[platform])).toEqual(['Shopify', 'WooCommerce']);
    for (const platform of SHOP_PLATFORMS) expect(platformSetup[platform].secretHint).not.toBe('');
  });

  it('gives every delivery result a label, refused ones in red', () => {
    expect(DELIVERY_RESULTS.map((result) => deliveryResultLabels[result])).toEqual(['Applied', 'Ignored', 'Duplicate', 'Refused']);
    expect(deliveryResultTones.failed).toBe('red');
    expect(deliveryResultTones.applied).toBe('green');
  });
});
