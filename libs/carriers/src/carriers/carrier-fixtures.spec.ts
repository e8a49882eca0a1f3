import { statusSchema, substatusSchema } from '@postino/status';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normalizeCarrierEvent } from '../normalize-carrier-event';
import { CARRIER_SLUGS } from '../registry';
import dhlExpressEvents from './__fixtures__/dhl-express.json';
import fedexEvents from './__fixtures__/fedex.json';
import uspsEvents from './__fixtures__/usps.json';

const fixtureSchema = z.array(
  z.object({
    code: z.string().min(1),
    description: z.string().min(1),
    expectedStatus: statusSchema.nullable(),
    expectedSubstatus: substatusSchema.nullable(),
  }),
);

const FIXTURES: Record<string, unknown> = {
  'dhl-express': dhlExpressEvents,
  fedex: fedexEvents,
  usps: uspsEvents,
};

it('has sample events for every registered carrier', () => {
  expect(Object.keys(FIXTURES).sort()).toEqual([...CARRIER_SLUGS].sort());
});

describe.each(CARRIER_SLUGS.map((slug) => [slug]))('%s sample events', (slug) => {
  const events = fixtureSchema.parse(FIXTURES[slug]);

  it.each(events)('$code "$description" → $expectedStatus / $expectedSubstatus', (event) => {
    expect(normalizeCarrierEvent(slug, { code: event.code, description: event.description })).toEqual({
      status: event.expectedStatus,
      substatus: event.expectedSubstatus,
      via: 'code',
    });
  });
});
