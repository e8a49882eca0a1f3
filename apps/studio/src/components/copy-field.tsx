import { useEffect, useId, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

interface CopyFieldProps {
  label: string;
  value: string;
  /** Shown to everyone, not only to screen readers (e.g. "Hook URL"). */
  visibleLabel?: boolean;
}

/** A read-only value with a Copy button; when the clipboard is out of reach the text is selected instead. */
export function CopyField({ label, value, visibleLabel = false }: CopyFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');

  useEffect(() => {
    if (copyState !== 'copied') return;
    const timer = setTimeout(() => setCopyState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copyState]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopyState('copied');
    } catch {
      // Clipboard access needs a secure context and permission; selecting the text lets the user copy by hand.
      inputRef.current?.select();
      setCopyState('failed');
    }
  }

  return (
    <div className="copy-field__wrapper">
      <label htmlFor={`${id}-value`} className={visibleLabel ? 'copy-field__label' : 'visually-hidden'}>
        {label}
      </label>
      <div className="copy-field">
        <input id={`${id}-value`} ref={inputRef} className="mono" value={value} readOnly onFocus={(event) => event.target.select()} />
        <button type="button" className="button" onClick={copy} aria-label={`Copy ${label}`}>
          {copyState === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="small" role="status">
        {copyState === 'copied' && `${label} copied to the clipboard.`}
        {copyState === 'failed' && 'Could not reach the clipboard. The text is selected: press Ctrl+C (⌘C on a Mac).'}
      </p>
    </div>
  );
}
