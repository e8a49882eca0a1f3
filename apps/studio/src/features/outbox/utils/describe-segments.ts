import type { OutboxSms } from '../types';

/** "1 SMS · GSM-7", "3 SMS · UCS-2 (Unicode)": what the message cost and why. */
export function describeSegments({ segments, encoding }: Pick<OutboxSms, 'segments' | 'encoding'>): string {
  return `${segments} SMS · ${encoding === 'UCS-2' ? 'UCS-2 (Unicode)' : encoding}`;
}
