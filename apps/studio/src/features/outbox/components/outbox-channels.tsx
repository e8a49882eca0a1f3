import type { ComponentType } from 'react';
import { Chip, type ChipTone } from '../../../components/chip';
import type { OutboxChannelName, OutboxItem, OutboxItemSummary } from '../types';
import { OutboxEmailView } from './outbox-email-view';
import { OutboxSmsView } from './outbox-sms-view';
import { OutboxWebhookView } from './outbox-webhook-view';

/** How the Outbox shows the captures of one channel. */
interface OutboxChannel<C extends OutboxChannelName> {
  label: string;
  /** The colour of its chip in the list. */
  tone: ChipTone;
  /** The title of its tab while nothing was captured. */
  emptyTitle: string;
  /** The line a list item leads with. */
  title(item: Extract<OutboxItemSummary, { channel: C }>): string;
  View: ComponentType<{ item: Extract<OutboxItem, { channel: C }> }>;
}

/** Every channel the Outbox shows, by name: the tabs, the list and the detail look a channel up here. */
export const OUTBOX_CHANNELS: { [C in OutboxChannelName]: OutboxChannel<C> } = {
  email: {
    label: 'Email',
    tone: 'slate',
    emptyTitle: 'No emails captured yet',
    title: (email) => email.subject || '(no subject)',
    View: OutboxEmailView,
  },
  sms: { label: 'SMS', tone: 'teal', emptyTitle: 'No SMS captured yet', title: (sms) => sms.text, View: OutboxSmsView },
  webhook: {
    label: 'Webhook',
    tone: 'violet',
    emptyTitle: 'No webhooks captured yet',
    title: (webhook) => `POST ${webhook.to ?? ''}`,
    View: OutboxWebhookView,
  },
};

export const OUTBOX_CHANNEL_NAMES = Object.keys(OUTBOX_CHANNELS) as OutboxChannelName[];

export function isOutboxChannelName(value: string | null): value is OutboxChannelName {
  return value !== null && Object.hasOwn(OUTBOX_CHANNELS, value);
}

// An item and its channel's entry always match, which TypeScript cannot follow through the lookup.
type AnyChannel = Omit<OutboxChannel<OutboxChannelName>, 'title' | 'View'> & {
  title(item: OutboxItemSummary): string;
  View: ComponentType<{ item: OutboxItem }>;
};
const channelOf = (item: { channel: OutboxChannelName }) => OUTBOX_CHANNELS[item.channel] as unknown as AnyChannel;

export function outboxItemTitle(item: OutboxItemSummary): string {
  return channelOf(item).title(item);
}

/** The chip naming an item's channel in the list. */
export function OutboxChannelChip({ item }: { item: OutboxItemSummary }) {
  const { label, tone } = channelOf(item);
  return <Chip tone={tone}>{label}</Chip>;
}

/** The item drawn by its channel's view. */
export function OutboxItemContent({ item }: { item: OutboxItem }) {
  const { View } = channelOf(item);
  return <View item={item} />;
}
