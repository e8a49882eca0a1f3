import { Injectable } from '@nestjs/common';
import { digestWindowMinutes, MAX_DIGEST_MINUTES } from '@postino/flow-model';
import { sha256 } from '../../../../common/auth/secrets';
import { FlowVersionCache } from '../../../flows/flow-version.cache';
import type { Delivery } from '../channels/channel-sender';
import { DigestEntry, DigestKey, digestKeyText, DigestLedger } from './digest-ledger.repository';
import { parsedNodeConfig } from './node-config';
import { CUSTOMERS_ONLY, GuardVerdict, PASS, SendGuard } from './send-guard';

const MINUTE_MS = 60_000;

/**
 * A split order's parcels reaching the same send node for the same recipient within the node's digest window
 * produce one message: the first opens the digest and waits for the window to close (deferred, so it is still
 * re-checked then), the others are skipped as combined into it. Keyed on recipient + order + node + window;
 * decided under the digest's lock. Messages of nodes without a window, or of parcels without an order, cost
 * nothing: no statement is run.
 */
@Injectable()
export class DigestGuard implements SendGuard {
  readonly audiences = CUSTOMERS_ONLY;

  constructor(
    private readonly versions: FlowVersionCache,
    private readonly ledger: DigestLedger,
  ) {}

  async judge(deliveries: readonly Delivery[], now: Date): Promise<GuardVerdict[]> {
    const verdicts: GuardVerdict[] = deliveries.map(() => PASS);
    const versions = await this.versions.getMany(
      deliveries.map(({ message }) => ({ merchantId: message.merchantId, versionId: message.flowVersionId })),
    );
    const digested = deliveries.flatMap(({ message, shipment }, index) => {
      const version = versions.get(message.flowVersionId);
      const node = version?.nodes.get(message.nodeId);
      const minutes = node ? digestWindowMinutes(parsedNodeConfig(node)) : null;
      if (!version || minutes === null || !shipment.orderId) return [];
      const key: DigestKey = {
        merchantId: message.merchantId,
        digestKey: sha256(`${version.flowId}\n${message.nodeId}\n${shipment.orderId}\n${message.recipient.toLowerCase()}`),
      };
      return [{ index, messageId: message.id, key, windowMs: minutes * MINUTE_MS }];
    });
    if (digested.length === 0) return verdicts;

    const since = new Date(now.getTime() - MAX_DIGEST_MINUTES * MINUTE_MS);
    return this.ledger.decideLocked(digested.map((d) => d.key), digested.map((d) => d.messageId), since, (entries) => {
      const byKey = new Map<string, DigestEntry[]>();
      for (const entry of entries) byKey.set(digestKeyText(entry), [...(byKey.get(digestKeyText(entry)) ?? []), entry]);
      const record: DigestEntry[] = [];
      for (const { index, messageId, key, windowMs } of digested) {
        const opened = byKey.get(digestKeyText(key)) ?? [];
        const own = opened.find((e) => e.messageId === messageId);
        if (own) {
          verdicts[index] = closesAfter(own, windowMs, now);
          continue;
        }
        const open = opened.find((e) => new Date(e.openedAt).getTime() + windowMs > now.getTime());
        if (open) {
          verdicts[index] = { kind: 'skip', reason: `combined into message ${open.messageId}: same order, same step, within ${windowMs / MINUTE_MS} min` };
          continue;
        }
        const entry: DigestEntry = { ...key, messageId, openedAt: now };
        opened.push(entry);
        byKey.set(digestKeyText(key), opened);
        record.push(entry);
        verdicts[index] = closesAfter(entry, windowMs, now);
      }
      return { record, result: verdicts };
    });
  }
}

/** The digest's opener goes once its window has closed, so every parcel of the window is combined into it. */
function closesAfter(entry: DigestEntry, windowMs: number, now: Date): GuardVerdict {
  const until = new Date(new Date(entry.openedAt).getTime() + windowMs);
  if (until <= now) return PASS;
  return { kind: 'defer', until, reason: `digest: waiting ${windowMs / MINUTE_MS} min for the order's other parcels` };
}
