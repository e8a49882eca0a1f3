import { statusSchema, substatusSchema } from '@postino/status';
import { z } from 'zod';

/**
 * What a message template can print. Names are snake_case, as merge tags in Liquid
 * (`{{ customer.first_name }}`). Dates arrive already formatted for the recipient's locale
 * and timezone: templates print them, they do not compute them.
 */
export const templateVariablesSchema = z.object({
  customer: z.object({
    name: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    email: z.string(),
  }),
  shipment: z.object({
    tracking_number: z.string(),
    carrier: z.string(),
    carrier_name: z.string(),
    status: statusSchema,
    status_label: z.string(),
    substatus: substatusSchema.nullable(),
    substatus_label: z.string().nullable(),
    order_number: z.string().nullable(),
    last_event: z
      .object({
        description: z.string(),
        location: z.string().nullable(),
        occurred_at: z.string(),
      })
      .nullable(),
  }),
  tracking_url: z.string(),
  merchant: z.object({
    name: z.string(),
  }),
});

export type TemplateVariables = z.infer<typeof templateVariablesSchema>;
