import { Injectable } from '@nestjs/common';
import type { FrequencyCap } from '@postino/api-contract';
import { sha256 } from '../../../../common/auth/secrets';
import { SendingPolicyRepository } from '../../../sending-policy/sending-policy.repository';
import type { Delivery } from '../channels/channel-sender';
import { CapKey, capKeyText, FrequencyCapLedger, LedgerEntry } from './frequency-cap-ledger.repository';
import { GuardVerdict, PASS, SendGuard, CUSTOMERS_ONLY } from './send-guard';

const HOUR_MS = 3_600_000;

/**
 * At most N messages per recipient and channel within a window, across every flow of the shop (its sending
 * policy). Asked last, so only messages about to leave are counted; the count and the decision happen under
 * the recipient's lock. A message that already passed (a resend of an uncertain one) passes again.
 * Shops without caps cost nothing: no statement is run.
 */
@Injectable()
export class FrequencyCapGuard implements SendGuard {
  readonly audiences = CUSTOMERS_ONLY;
  constructor(
    private readonly policies: SendingPolicyRepository,
    private readonly ledger: FrequencyCapLedger,
  ) {}

  async judge(deliveries: readonly Delivery[], now: Date): Promise<GuardVerdict[]> {
    const verdicts: GuardVerdict[] = deliveries.map(() => PASS);
    const policies = await this.policies.getMany(deliveries.map(({ message }) => message.merchantId));
    const capped = deliveries.flatMap(({ message }, index) => {
      const caps = policies.get(message.merchantId)!.frequencyCaps.filter((cap) => cap.channel === message.channel);
      if (caps.length === 0) return [];
      const key: CapKey = { merchantId: message.merchantId, channel: message.channel, recipientKey: sha256(message.recipient.toLowerCase()) };
      return [{ index, messageId: message.id, key, caps }];
    });
    if (capped.length === 0) return verdicts;

    const longestWindowHours = Math.max(...capped.flatMap((c) => c.caps.map((cap) => cap.windowHours)));
    return this.ledger.decideLocked(capped.map((c) => c.key), new Date(now.getTime() - longestWindowHours * HOUR_MS), (recent) => {
      const byKey = new Map<string, LedgerEntry[]>();
      for (const entry of recent) byKey.set(capKeyText(entry), [...(byKey.get(capKeyText(entry)) ?? []), entry]);
      const record: LedgerEntry[] = [];
      for (const { index, messageId, key, caps } of capped) {
        const entries = byKey.get(capKeyText(key)) ?? [];
        if (entries.some((e) => e.messageId === messageId)) continue;
        const reached = caps.find((cap) => countWithin(entries, cap, now) >= cap.max);
        if (reached) {
          verdicts[index] = { kind: 'skip', reason: `frequency cap: ${reached.max} per ${reached.windowHours} h to this recipient reached` };
        } else {
          const entry = { ...key, messageId, at: now };
          entries.push(entry);
          byKey.set(capKeyText(key), entries);
          record.push(entry);
        }
      }
      return { record, result: verdicts };
    });
  }
}

function countWithin(entries: LedgerEntry[], cap: FrequencyCap, now: Date): number {
  const since = now.getTime() - cap.windowHours * HOUR_MS;
  return entries.filter((e) => new Date(e.at).getTime() > since).length;
}
