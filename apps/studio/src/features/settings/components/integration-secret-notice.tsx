import { useEffect, useId, useRef } from 'react';
import { CopyField } from '../../../components/copy-field';
import type { IntegrationWithSecret } from '../api/create-integration';
import { platformLabels, platformSetup } from '../utils/integration-display';

interface IntegrationSecretNoticeProps {
  integration: IntegrationWithSecret;
  /** After a rotation the hook URL is unchanged and only the secret is new. */
  rotated: boolean;
  onDismiss: () => void;
}

/** The hook URL and the signing secret, the secret shown this once: Postino keeps it sealed and never lists it. */
export function IntegrationSecretNotice({ integration, rotated, onDismiss }: IntegrationSecretNoticeProps) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Move focus here so keyboard and screen-reader users learn of the secret before it can be lost.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className="notice notice--success" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {rotated ? `New secret for “${integration.name}”` : `${platformLabels[integration.platform]} shop “${integration.name}” connected`}
      </h3>
      <p>{platformSetup[integration.platform].instructions}</p>
      <CopyField label="Hook URL" value={integration.hookUrl} visibleLabel />
      <CopyField label="Signing secret" value={integration.secret} visibleLabel />
      <p className="notice__warning">
        <strong>Copy the secret now.</strong> It won’t be shown again{rotated ? '; the old one no longer verifies' : ''}.
      </p>
      <button type="button" className="button" onClick={onDismiss}>
        Done
      </button>
    </section>
  );
}
