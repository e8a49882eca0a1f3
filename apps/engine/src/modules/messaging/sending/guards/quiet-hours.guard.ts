import { Injectable } from '@nestjs/common';
import { effectiveQuietHours, getNodeType, quietHoursEnd, recipientTimeZone, type FlowNode } from '@postino/flow-model';
import { DateTime } from 'luxon';
import { FlowVersionCache } from '../../../flows/flow-version.cache';
import type { SendingPolicy } from '@postino/api-contract';
import { SendingPolicyRepository } from '../../../sending-policy/sending-policy.repository';
import type { ShipmentRow } from '../../../tracking/shipment';
import type { Delivery } from '../channels/channel-sender';
import { GuardVerdict, PASS, SendGuard } from './send-guard';

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
  private readonly parsedConfigs = new WeakMap<FlowNode, unknown>();

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
      return quietHoursVerdict(node ? this.configOf(node) : null, policies.get(message.merchantId)!, shipment, now);
    });
  }

  /** Published configs were valid when published; parsing applies their defaults. */
  private configOf(node: FlowNode): unknown {
    if (!this.parsedConfigs.has(node)) {
      const parsed = getNodeType(node.type)?.configSchema.safeParse(node.config);
      this.parsedConfigs.set(node, parsed?.success ? parsed.data : node.config);
    }
    return this.parsedConfigs.get(node);
  }
}
