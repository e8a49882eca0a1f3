import { useEffect } from 'react';

/** Calls `submit` once the typed text has rested for `delayMs` and differs from what is applied. */
export function useDebouncedSubmit(typed: string, applied: string, submit: () => void, delayMs = 300): void {
  useEffect(() => {
    if (typed.trim() === applied) return;
    const timer = setTimeout(submit, delayMs);
    return () => clearTimeout(timer);
  }, [typed, applied, submit, delayMs]);
}
