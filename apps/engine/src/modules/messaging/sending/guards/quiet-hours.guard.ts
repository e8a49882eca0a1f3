import { Injectable } from '@nestjs/common';
import { effectiveQuietHours, quietHoursEnd, recipientTimeZone } from '@postino/flow-model';
import { DateTime } from 'luxon';
import { FlowVersionCache } from '../../../flows/flow-version.cache';
import type { SendingPolicy } from '@postino/api-contract';
import { SendingPolicyRepository } from '../../../sending-policy/sending-policy.repository';
import type { ShipmentRow } from '../../../tracking/shipment';
import type { Delivery } from '../channels/channel-sender';
import { parsedNodeConfig } from './node-config';
import { CUSTOMERS_ONLY, GuardVerdict, PASS, SendGuard } from './send-guard';

/** The verdict on one message of a send node (its parsed config) leaving at `now`: the guard's, and the dry-run's. */
export function quietHoursVerdict(
  nodeConfig: unknown,
  policy: Pick<SendingPolicy, 'quietHours' | 'timezone'>,
  shipment: Pick<ShipmentRow, 'customerTimezone' | 'destinationCountry'>,
  now: Date,
): GuardVerdict {
  const quiet = effectiveQuietHours(nodeConfig, policy.quietHours);
  if (!quiet) return PASS;
  const zone = recipientTimeZone([shipment.customerTimezone], shipment.destinationCountry, policy.timezone);
  const until = quietHoursEnd(now, zone, quiet);
  if (!until) return PASS;
  const local = DateTime.fromJSDate(until, { zone }).toFormat('yyyy-MM-dd HH:mm');
  return { kind: 'defer', until, reason: `quiet hours ${quiet.start}–${quiet.end} in ${zone}: deferred to ${local}` };
}

/**
 * Never at 3 a.m.: a message due during quiet hours in the recipient's time zone (theirs, else their
 * destination country's, else the shop's) is deferred to the end of them — not dropped, and still re-checked
 * then (a delivery that happened meanwhile makes "out for delivery" not true any more). The shop's policy
 * sets the hours; the send node may keep them, drop them or set its own.
 */
@Injectable()
export class QuietHoursGuard implements SendGuard {
  readonly audiences = CUSTOMERS_ONLY;

  constructor(
    private readonly policies: SendingPolicyRepository,
    private readonly versions: FlowVersionCache,
  ) {}

  async judge(deliveries: readonly Delivery[], now: Date): Promise<GuardVerdict[]> {
    const [policies, versions] = await Promise.all([
      this.policies.getMany(deliveries.map(({ message }) => message.merchantId)),
      this.versions.getMany(deliveries.map(({ message }) => ({ merchantId: message.merchantId, versionId: message.flowVersionId }))),
    ]);
    return deliveries.map(({ message, shipment }) => {
      const node = versions.get(message.flowVersionId)?.nodes.get(message.nodeId);
      return quietHoursVerdict(node ? parsedNodeConfig(node) : null, policies.get(message.merchantId)!, shipment, now);
    });
  }
}
