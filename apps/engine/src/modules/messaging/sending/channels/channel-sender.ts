import type { FlowNode } from '@postino/flow-model';
import type { TrackingEventRow, ShipmentRow } from '../../../tracking/shipment';
import type { ClaimedMessage } from '../../message.repository';

/** A message that may leave now: it is still true and its shipment is known. */
export interface Delivery {
  message: ClaimedMessage;
  shipment: ShipmentRow;
  lastEvent: TrackingEventRow | null;
  /** The send node, when the caller has it already (a dry-run of a draft, which is no stored version). */
  node?: FlowNode;
}

/** What the customer would get: a preview shows it, the hand-over sends it. */
export interface RenderedMessage {
  /** E-mail: the subject; SMS: the text. */
  subject: string;
  html: string | null;
  text: string;
  /** SMS: its parts and their encoding. */
  segments: { count: number; encoding: string } | null;
}

/** A rendered message, ready to hand over. */
export interface ReadySend {
  subject: string;
  rendered: RenderedMessage;
  send(): Promise<void>;
}

/** Whether a failed hand-over may have reached the provider, and whether trying again can help. */
export type SendFailure = 'retry' | 'uncertain' | 'permanent';

/**
 * Who a channel's messages reach: the shop's customers (the customer guards — consent, quiet hours, frequency
 * cap — protect them), the shop's own team (an alert e-mail), or the shop's systems (a webhook).
 */
export type Audience = 'customer' | 'team' | 'system';

/**
 * One way of reaching a customer (e-mail, SMS; others are further folders beside `email/` and `sms/`), found
 * through the CHANNEL_SENDERS registry by the message's channel: the sender never branches on a channel.
 */
export interface ChannelSender {
  readonly channel: string;
  /** Which guards apply to its messages (each guard declares the audiences it protects). */
  readonly audience: Audience;
  /** How many hand-overs are worth having in flight at once. */
  readonly parallelism: number;
  /** Renders a batch; an item that cannot be rendered says why (retrying would fail the same way). */
  prepare(deliveries: Delivery[]): Promise<(ReadySend | { renderError: string })[]>;
  classify(error: unknown): SendFailure;
  /** Seconds before a failed hand-over is tried again; without it, the send stage's own backoff. */
  retryDelaySeconds?(attempts: number): number;
}

export const CHANNEL_SENDERS = Symbol('CHANNEL_SENDERS');
