import { CARRIER_SLUGS, DEFAULT_STALL_AFTER_HOURS, stallAfterHoursOf } from '@postino/carriers';
import { z } from 'zod';

export const MAX_STALL_AFTER_HOURS = 24 * 30;

const stallHoursSchema = z
  .number('must be a number')
  .int('must be a whole number')
  .min(1, 'must be at least 1 hour')
  .max(MAX_STALL_AFTER_HOURS, `must be at most ${MAX_STALL_AFTER_HOURS} hours (30 days)`);

/**
 * When the shop counts a shipment on its way as stalled: `stallAfterHours` hours without a carrier scan for
 * every carrier (null: each carrier's own default), `stallAfterHoursByCarrier` over it for some carriers.
 */
export const shipmentWatchSettingsSchema = z.object({
  stallAfterHours: stallHoursSchema.nullable(),
  // One optional field per carrier with a code table (documented as such); a carrier left out follows the
  // general hours, and a key that is no such carrier is refused by name.
  stallAfterHoursByCarrier: z.strictObject(Object.fromEntries(CARRIER_SLUGS.map((slug) => [slug, stallHoursSchema.optional()])), {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${issue.keys.join(', ')}: must be one of ${CARRIER_SLUGS.join(', ')}`
        : 'must be an object of hours by carrier',
  }),
});
export type ShipmentWatchSettings = z.infer<typeof shipmentWatchSettingsSchema>;

export const DEFAULT_SHIPMENT_WATCH_SETTINGS: ShipmentWatchSettings = { stallAfterHours: null, stallAfterHoursByCarrier: {} };

/** The hours that apply: the merchant's per-carrier ones, else its general ones, else the carrier's default. */
export function effectiveStallAfterHours(settings: ShipmentWatchSettings, carrier: string): number {
  return settings.stallAfterHoursByCarrier[carrier] ?? settings.stallAfterHours ?? stallAfterHoursOf(carrier);
}

/** The settings as stored, with the thresholds they make effective (`default`: a carrier without a code table). */
export const shipmentWatchSettingsViewSchema = shipmentWatchSettingsSchema.extend({
  effective: z.object({ default: z.number().int(), carriers: z.record(z.string(), z.number().int()) }),
});
export type ShipmentWatchSettingsView = z.infer<typeof shipmentWatchSettingsViewSchema>;

export function shipmentWatchSettingsView(settings: ShipmentWatchSettings): ShipmentWatchSettingsView {
  return {
    ...settings,
    effective: {
      default: settings.stallAfterHours ?? DEFAULT_STALL_AFTER_HOURS,
      carriers: Object.fromEntries(CARRIER_SLUGS.map((slug) => [slug, effectiveStallAfterHours(settings, slug)])),
    },
  };
}
