import { useEffect, useId, useRef, useState } from 'react';
import type { CreatedApiKey } from '../types';

type CopyState = 'idle' | 'copied' | 'failed';

/** Shows a freshly created key once; the server keeps only its hash. */
export function NewApiKeyNotice({ apiKey, onDismiss }: { apiKey: CreatedApiKey; onDismiss: () => void }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');

  // Move focus here so keyboard and screen-reader users learn the key exists before it can be lost.
  useEffect(() => headingRef.current?.focus(), []);

  useEffect(() => {
    if (copyState !== 'copied') return;
    const timer = setTimeout(() => setCopyState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copyState]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(apiKey.key);
      setCopyState('copied');
    } catch {
      // Clipboard access needs a secure context and permission; selecting the text lets the user copy by hand.
      inputRef.current?.select();
      setCopyState('failed');
    }
  }

  return (
    <section className="notice notice--success" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        API key “{apiKey.name}” created
      </h3>
      <p className="notice__warning">
        <strong>Copy this key now.</strong> It won’t be shown again: Postino stores only a hash of it.
      </p>
      <div className="copy-field">
        <label htmlFor={`${id}-key`} className="visually-hidden">
          New API key
        </label>
        <input
          id={`${id}-key`}
          ref={inputRef}
          className="mono"
          value={apiKey.key}
          readOnly
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button" onClick={copy}>
          {copyState === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="small" role="status">
        {copyState === 'copied' && 'Key copied to the clipboard.'}
        {copyState === 'failed' && 'Could not reach the clipboard. The key is selected: press Ctrl+C (⌘C on a Mac).'}
      </p>
      <button type="button" className="button" onClick={onDismiss}>
        I have copied it
      </button>
    </section>
  );
}
