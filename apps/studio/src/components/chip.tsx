import type { ReactNode } from 'react';

export type ChipTone = 'gray' | 'slate' | 'blue' | 'violet' | 'teal' | 'amber' | 'green' | 'red' | 'orange';

interface ChipProps {
  tone: ChipTone;
  children: ReactNode;
  /** Extra text for assistive technology, e.g. "Status: Delivered". */
  label?: string;
}

export function Chip({ tone, children, label }: ChipProps) {
  return (
    <span className={`chip chip--${tone}`} aria-label={label}>
      {children}
    </span>
  );
}
