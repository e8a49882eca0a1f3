import { useEffect, useId, useRef } from 'react';
import { CopyField } from '../../../components/copy-field';
import type { CreatedApiKey } from '../types';

/** Shows a freshly created key once; the server keeps only its hash. */
export function NewApiKeyNotice({ apiKey, onDismiss }: { apiKey: CreatedApiKey; onDismiss: () => void }) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Move focus here so keyboard and screen-reader users learn the key exists before it can be lost.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className="notice notice--success" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        API key “{apiKey.name}” created
      </h3>
      <p className="notice__warning">
        <strong>Copy this key now.</strong> It won’t be shown again: Postino stores only a hash of it.
      </p>
      <CopyField label="New API key" value={apiKey.key} />
      <button type="button" className="button" onClick={onDismiss}>
        I have copied it
      </button>
    </section>
  );
}
