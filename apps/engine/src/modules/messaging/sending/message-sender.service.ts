import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queue } from 'bull';
import { GroupCommitter } from '../../../common/batching/group-committer';
import { WorkPump } from '../../../common/batching/work-pump';
import { Clock, plusSeconds } from '../../clock/clock';
import { HeldCandidate, HeldWorkRepository } from '../../flows/held-work.repository';
import { messagesSettled } from '../../metrics/metrics';
import { QUEUES } from '../../queues/queue-names';
import { sendWakeUp, WakeUpJob } from '../../queues/wake-ups';
import { ShipmentRepository } from '../../tracking/shipment.repository';
import { ClaimedMessage, MessageOutcome, MessageRepository, MessageSettlement } from '../message.repository';
import { CHANNEL_SENDERS, ChannelSender, Delivery, ReadySend } from './channels/channel-sender';
import { PASS, SEND_GUARDS, SendGuard } from './guards/send-guard';

/**
 * Longer than a batch's hand-overs can take (the SMTP transport times out well within it), short enough that a
 * killed sender's messages are resent within a minute.
 */
export const MESSAGE_LEASE_SECONDS = 30;
export const MESSAGE_MAX_ATTEMPTS = 6;
const BATCH = 200;
/** About 20 s of retries in all, well inside the lease, so a settlement outlives a database restart. */
const SETTLE_ATTEMPTS = 8;

export function messageRetryDelaySeconds(attempts: number): number {
  return Math.min(10 * 2 ** (attempts - 1), 3600);
}

/** Runs `work` over `items` with at most `width` in flight. */
async function inFlight<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/**
 * The send stage, a batch at a time: claim due messages with a lease (one statement), re-read the present
 * (shipments and their latest events: two statements at once), pass every message through the send guards
 * (guards/: still true, consent, quiet hours, frequency cap — each a fixed number of statements per batch),
 * render, hand over through the message's channel with several in flight, and settle results in groups as they
 * come back (group commit), so a crash costs as few resends as possible. Retries and deferrals are rows with a
 * later `available_at` plus a delayed wake-up.
 */
@Injectable()
export class MessageSenderService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MessageSender');
  readonly pump = new WorkPump('MessageSender', () => this.sendBatch(), { batchSize: BATCH, parallelism: 3 });
  private readonly settler = new GroupCommitter<MessageSettlement>((group) => this.settle(group));
  private readonly channels: Map<string, ChannelSender>;

  constructor(
    private readonly messages: MessageRepository,
    private readonly shipments: ShipmentRepository,
    private readonly heldWork: HeldWorkRepository,
    @Inject(SEND_GUARDS) private readonly guards: SendGuard[],
    private readonly clock: Clock,
    @Inject(CHANNEL_SENDERS) channels: ChannelSender[],
    @InjectQueue(QUEUES.messages) private readonly queue: Queue<WakeUpJob>,
  ) {
    this.channels = new Map(channels.map((sender) => [sender.channel, sender]));
  }

  onApplicationBootstrap(): void {
    this.pump.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pump.stop();
    await this.settler.flushed();
  }

  /** One pass: returns how many messages it claimed. */
  async sendBatch(): Promise<number> {
    const claimed = await this.messages.claimDue(BATCH, this.clock.now(), MESSAGE_LEASE_SECONDS);
    if (claimed.length === 0) return 0;
    const keys = claimed.map((m) => ({ merchantId: m.merchantId, shipmentId: m.shipmentId }));
    const [shipments, lastEvents] = await Promise.all([this.shipments.findMany(keys), this.shipments.latestEventsOf(keys)]);
    const shipmentsById = new Map(shipments.map((s) => [s.id, s]));

    const settled: Promise<void>[] = [];
    const settleNow = (message: ClaimedMessage, outcome: MessageOutcome) => {
      const written = this.settler.add({ id: message.id, merchantId: message.merchantId, attempts: message.attempts, outcome });
      // Awaited below; a pass that fails before then must not leave the rejection unhandled (it would kill the process).
      written.catch(() => undefined);
      settled.push(written);
    };

    let candidates: Delivery[] = [];
    for (const message of claimed) {
      const shipment = shipmentsById.get(message.shipmentId);
      // A message whose sender keeps dying before it can settle (leases expiring) must end somewhere.
      if (message.attempts > MESSAGE_MAX_ATTEMPTS) settleNow(message, { state: 'failed', error: `gave up after ${MESSAGE_MAX_ATTEMPTS} attempts` });
      else if (!shipment) settleNow(message, { state: 'skipped', reason: 'no longer true: the shipment was deleted' });
      else candidates.push({ message, shipment, lastEvent: lastEvents.get(shipment.id) ?? null });
    }
    const now = this.clock.now();
    const held: HeldCandidate[] = [];
    // A channel without a sender fails below; until then it is judged as strictly as a customer's.
    const audienceOf = ({ message }: Delivery) => this.channels.get(message.channel)?.audience ?? 'customer';
    for (const guard of this.guards) {
      if (candidates.length === 0) break;
      const judged = candidates.filter((delivery) => guard.audiences.includes(audienceOf(delivery)));
      if (judged.length === 0) continue;
      const answers = await guard.judge(judged, now);
      const verdicts = new Map(judged.map((delivery, index) => [delivery, answers[index]]));
      candidates = candidates.filter((delivery) => {
        const { message } = delivery;
        const verdict = verdicts.get(delivery) ?? PASS;
        if (verdict.kind === 'skip') settleNow(message, { state: 'skipped', reason: verdict.reason });
        else if (verdict.kind === 'defer') settleNow(message, { state: 'deferred', reason: verdict.reason, retryAt: verdict.until });
        else if (verdict.kind === 'hold') held.push({ id: message.id, attempts: message.attempts });
        return verdict.kind === 'pass';
      });
    }
    // Released ones belong to a flow resumed since the claim: due again at once.
    const holding = this.heldWork.holdMessages(held, now).then(({ released }) => {
      if (released.length > 0) this.pump.wake();
    });
    holding.catch(() => undefined);
    settled.push(holding);
    const byChannel = new Map<ChannelSender, Delivery[]>();
    for (const delivery of candidates) {
      const channel = this.channels.get(delivery.message.channel);
      if (!channel) {
        settleNow(delivery.message, { state: 'failed', error: `no sender for channel "${delivery.message.channel}"` });
      } else {
        const list = byChannel.get(channel) ?? [];
        list.push(delivery);
        byChannel.set(channel, list);
      }
    }

    for (const [channel, deliveries] of byChannel) {
      const ready = await channel.prepare(deliveries);
      const sends: { message: ClaimedMessage; send: ReadySend }[] = [];
      ready.forEach((item, index) => {
        const { message } = deliveries[index];
        // The same template and data would fail the same way again: no retry.
        if ('renderError' in item) settleNow(message, { state: 'failed', error: item.renderError });
        else sends.push({ message, send: item });
      });
      await inFlight(sends, channel.parallelism, async ({ message, send }) => {
        let outcome: MessageOutcome;
        try {
          await send.send();
          outcome = { state: 'sent', subject: send.subject };
        } catch (error) {
          outcome = this.failure(message, channel, error);
        }
        settleNow(message, outcome);
      });
    }
    await Promise.all(settled);
    return claimed.length;
  }

  private failure(message: ClaimedMessage, channel: ChannelSender, error: unknown): MessageOutcome {
    const text = error instanceof Error ? error.message : String(error);
    const kind = channel.classify(error);
    if (kind === 'permanent' || message.attempts >= MESSAGE_MAX_ATTEMPTS) return { state: 'failed', error: text };
    const retryInSeconds = channel.retryDelaySeconds?.(message.attempts) ?? messageRetryDelaySeconds(message.attempts);
    this.logger.warn({ messageId: message.id, attempts: message.attempts, retryInSeconds, kind }, `send failed: ${text}`);
    return {
      state: kind === 'uncertain' ? 'uncertain' : 'queued',
      error: text,
      retryAt: plusSeconds(this.clock.now(), retryInSeconds),
    };
  }

  /**
   * A settlement that cannot be written (the database restarting) is retried for a while rather than
   * dropped: once a message is handed over, recording it is the only thing that avoids resending it.
   */
  private async settle(group: MessageSettlement[]): Promise<void> {
    let now = this.clock.now();
    for (let attempt = 1; ; attempt++) {
      try {
        await this.messages.settleMany(group, now);
        break;
      } catch (error) {
        if (attempt >= SETTLE_ATTEMPTS) throw error;
        this.logger.warn(`settling ${group.length} messages failed (${(error as Error).message}); retrying`);
        await sleep(Math.min(250 * 2 ** (attempt - 1), 4_000));
        now = this.clock.now();
      }
    }
    for (const { outcome } of group) messagesSettled.inc({ state: outcome.state });
    const retries = group.filter((s) => 'retryAt' in s.outcome);
    for (const retry of retries) {
      const { retryAt } = retry.outcome as { retryAt: Date };
      await sendWakeUp(this.queue, [retry.id], { at: retryAt, now });
    }
  }
}
