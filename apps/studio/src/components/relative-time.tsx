import { formatDateTime, formatRelativeTime } from '../lib/format-time';

/** "3 hours ago", with the exact date and time on hover and in the markup. */
export function RelativeTime({ value }: { value: string }) {
  const absolute = formatDateTime(value);
  return (
    <time dateTime={value} title={absolute}>
      {formatRelativeTime(value) || absolute}
    </time>
  );
}
