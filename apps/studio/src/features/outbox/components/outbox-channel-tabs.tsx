import { Link } from 'react-router-dom';
import type { OutboxChannelName } from '../types';
import { OUTBOX_CHANNEL_NAMES, OUTBOX_CHANNELS } from './outbox-channels';
import '../outbox.css';

/** All captures, or one channel's: links, so the choice lives in the URL (`?channel=sms`). */
export function OutboxChannelTabs({ current }: { current: OutboxChannelName | null }) {
  const tabs = [
    { channel: null, label: 'All', to: '/outbox' },
    ...OUTBOX_CHANNEL_NAMES.map((channel) => ({ channel, label: OUTBOX_CHANNELS[channel].label, to: `/outbox?channel=${channel}` })),
  ];
  return (
    <nav className="outbox-tabs" aria-label="Channels">
      {tabs.map(({ channel, label, to }) => (
        <Link key={label} to={to} aria-current={channel === current ? 'page' : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}
