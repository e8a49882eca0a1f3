import { Inject, Injectable } from '@nestjs/common';
import type { DryRunMessage, SendingPolicy } from '@postino/api-contract';
import type { AwaitedEvent, FlowNode } from '@postino/flow-model';
import type { EntityManager } from 'typeorm';
import type { RequestedMessage } from '../flow-engine/node-executor';
import type { CachedFlowVersion } from '../flows/flow-version.cache';
import type { ClaimedMessage } from '../messaging/message.repository';
import { CHANNEL_SENDERS, ChannelSender, Delivery, RenderedMessage } from '../messaging/sending/channels/channel-sender';
import { ConsentGuard } from '../messaging/sending/guards/consent.guard';
import { parsedNodeConfig } from '../messaging/sending/guards/node-config';
import { quietHoursVerdict } from '../messaging/sending/guards/quiet-hours.guard';
import { messageStillTrue, presentFactsOf } from '../flow-runs/run-truth.service';
import { DryRunRepository } from './dry-run.repository';
import { shipmentAt, SimulatedRun } from './simulation';

/** A message a simulated run asked for, at the simulated time it would be due. */
export interface SimulatedMessage {
  run: SimulatedRun;
  nodeId: string;
  request: RequestedMessage;
  at: Date;
  /** What it is true to besides its run's trigger (see StepToRun.truth). */
  truth: AwaitedEvent | null;
}

/** Where the messages are judged: the flow version, the shop's name and policy, and the read-only transaction. */
export interface JudgingScope {
  merchantId: string;
  merchantName: string;
  publicationRevision: string;
  version: CachedFlowVersion;
  policy: SendingPolicy;
  manager: EntityManager;
}

type Verdict = Pick<DryRunMessage, 'verdict' | 'reason' | 'deferredUntil'>;

const NOT_RENDERED = { subject: null, html: null, text: null, segments: null, encoding: null } as const;

/**
 * What the send stage would say about each message, where that can be known without writing: recorded skipped
 * by its executor (no address), not true any more when it would leave (the run's trigger asked, as the
 * still-true guard does), no consent (the consent guard itself), deferred by quiet hours (the guard's own
 * rule). The frequency cap is not judged: deciding it records the message in the cap's ledger. Chosen messages
 * are rendered by their channel's sender exactly as they would be sent — and never handed over.
 */
@Injectable()
export class DryRunMessages {
  constructor(
    @Inject(CHANNEL_SENDERS) private readonly senders: ChannelSender[],
    private readonly consent: ConsentGuard,
    private readonly reads: DryRunRepository,
  ) {}

  /** Every message's verdict, in order; `render(index)` picks the ones rendered too. */
  async judge(scope: JudgingScope, messages: readonly SimulatedMessage[], render: (index: number) => boolean): Promise<DryRunMessage[]> {
    const deliveries = messages.map((message) => this.deliveryOf(scope, message));
    const verdicts: (Verdict | null)[] = messages.map((message) => this.beforeConsent(scope, message));
    const asked = deliveries.filter((_, i) => verdicts[i] === null);
    const consents = await this.consent.judge(asked);
    let next = 0;
    messages.forEach((message, i) => {
      if (verdicts[i] !== null) return;
      const consent = consents[next++];
      if (consent.kind === 'skip') verdicts[i] = { verdict: 'skipped', reason: consent.reason, deferredUntil: null };
      else verdicts[i] = this.quietHours(scope, message, deliveries[i]);
    });
    const rendered = await this.render(
      scope,
      messages.flatMap((message, i) => (render(i) && message.request.recipient ? [{ index: i, delivery: deliveries[i] }] : [])),
    );
    return messages.map((message, i) => {
      const verdict = verdicts[i] as Verdict;
      const result = rendered.get(i);
      const base = {
        nodeId: message.nodeId,
        channel: message.request.channel,
        recipient: message.request.recipient,
        at: message.at.toISOString(),
        ...verdict,
        ...NOT_RENDERED,
      };
      if (!result) return base;
      if ('renderError' in result) return { ...base, verdict: 'render_failed', reason: result.renderError };
      const { subject, html, text, segments } = result;
      return { ...base, subject, html, text, segments: segments?.count ?? null, encoding: segments?.encoding ?? null };
    });
  }

  private beforeConsent(scope: JudgingScope, message: SimulatedMessage): Verdict | null {
    if (message.request.skipReason) return { verdict: 'skipped', reason: message.request.skipReason, deferredUntil: null };
    const trigger = scope.version.nodes.get(message.run.triggerNodeId);
    const shipment = shipmentAt(message.run, message.at);
    const { status } = shipment;
    const holds = messageStillTrue(trigger, message.run.trigger.event, message.truth, presentFactsOf(shipment));
    return holds ? null : { verdict: 'skipped', reason: `no longer true: the shipment is now ${status}`, deferredUntil: null };
  }

  private quietHours(scope: JudgingScope, message: SimulatedMessage, delivery: Delivery): Verdict {
    const verdict = quietHoursVerdict(parsedNodeConfig(delivery.node as FlowNode), scope.policy, delivery.shipment, message.at);
    return verdict.kind === 'defer'
      ? { verdict: 'deferred', reason: verdict.reason, deferredUntil: verdict.until.toISOString() }
      : { verdict: 'would_send', reason: null, deferredUntil: null };
  }

  private deliveryOf(scope: JudgingScope, message: SimulatedMessage): Delivery {
    const claimed: ClaimedMessage = {
      id: `dry-run:${message.run.key}:${message.nodeId}`,
      merchantId: scope.merchantId,
      messageId: 'dry-run@postino.invalid',
      nodeId: message.nodeId,
      shipmentId: message.run.shipment.id,
      channel: message.request.channel,
      recipient: message.request.recipient,
      templateVersionId: message.request.templateVersionId,
      attempts: 0,
      flowVersionId: scope.version.id,
      triggerNodeId: message.run.triggerNodeId,
      event: message.run.trigger.event,
      merchantName: scope.merchantName,
      publicationRevision: scope.publicationRevision,
      truth: message.truth,
    };
    const node = scope.version.nodes.get(message.nodeId);
    return { message: claimed, shipment: shipmentAt(message.run, message.at), lastEvent: null, node };
  }

  /** Renders through each channel's sender (one prepare per channel); nothing is handed over. */
  private async render(scope: JudgingScope, chosen: { index: number; delivery: Delivery }[]) {
    const out = new Map<number, RenderedMessage | { renderError: string }>();
    if (chosen.length === 0) return out;
    const latest = await this.reads.latestEvents(scope.manager, scope.merchantId, [...new Set(chosen.map((c) => c.delivery.shipment.id))]);
    const byChannel = new Map<string, typeof chosen>();
    for (const item of chosen) byChannel.set(item.delivery.message.channel, [...(byChannel.get(item.delivery.message.channel) ?? []), item]);
    for (const [channel, items] of byChannel) {
      const sender = this.senders.find((candidate) => candidate.channel === channel);
      if (!sender) {
        for (const { index } of items) out.set(index, { renderError: `no sender for channel ${channel}` });
        continue;
      }
      const prepared = await sender.prepare(items.map(({ delivery }) => ({ ...delivery, lastEvent: latest.get(delivery.shipment.id) ?? null })));
      items.forEach(({ index }, i) => {
        const ready = prepared[i];
        out.set(index, 'renderError' in ready ? ready : ready.rendered);
      });
    }
    return out;
  }
}
