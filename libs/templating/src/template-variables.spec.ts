import { describe, expect, it } from 'vitest';
import { SAMPLE_TEMPLATE_VARIABLES } from './sample-template-variables';
import { templateVariablesSchema } from './template-variables';

describe('templateVariablesSchema', () => {
  it('accepts the sample variables used for previews', () => {
    expect(templateVariablesSchema.parse(SAMPLE_TEMPLATE_VARIABLES)).toEqual(SAMPLE_TEMPLATE_VARIABLES);
  });

  it('accepts a shipment with no events yet and a customer with no name', () => {
    const variables = {
      ...SAMPLE_TEMPLATE_VARIABLES,
      customer: { name: null, first_name: null, last_name: null, email: 'a@example.com' },
      shipment: { ...SAMPLE_TEMPLATE_VARIABLES.shipment, last_event: null, order_number: null },
    };

    expect(templateVariablesSchema.safeParse(variables).success).toBe(true);
  });

  it('rejects a status outside the 9 standard statuses', () => {
    const variables = {
      ...SAMPLE_TEMPLATE_VARIABLES,
      shipment: { ...SAMPLE_TEMPLATE_VARIABLES.shipment, status: 'lost_in_space' },
    };

    expect(templateVariablesSchema.safeParse(variables).success).toBe(false);
  });
});
