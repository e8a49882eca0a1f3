import { dateSchema, listOrdersQuerySchema } from '@postino/api-contract';
import { z } from 'zod';
import type { OrderFilters } from '../types';

const blankAsAbsent = <T extends z.ZodType>(schema: T) =>
  z.union([z.literal('').transform(() => undefined), schema]);

/** The filter form's fields, checked by the API's own query rules; an empty field filters nothing. */
export const orderFiltersFormSchema = z
  .object({
    status: blankAsAbsent(listOrdersQuerySchema.shape.status.unwrap()),
    q: z.string().pipe(listOrdersQuerySchema.shape.q.unwrap()).transform((q) => q || undefined),
    from: blankAsAbsent(dateSchema),
    to: blankAsAbsent(dateSchema),
  })
  .refine((values) => !values.from || !values.to || values.from <= values.to, {
    path: ['to'],
    message: 'The last day must not be before the first.',
  });
export type OrderFiltersFormValues = z.output<typeof orderFiltersFormSchema>;

export function toFormValues(filters: OrderFilters): z.input<typeof orderFiltersFormSchema> {
  return { status: filters.status ?? '', q: filters.q ?? '', from: filters.from ?? '', to: filters.to ?? '' };
}
