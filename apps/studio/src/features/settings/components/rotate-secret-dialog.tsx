import { zodResolver } from '@hookform/resolvers/zod';
import type { IntegrationView, RotateIntegrationSecretRequest } from '@postino/api-contract';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import type { IntegrationWithSecret } from '../api/create-integration';
import { useRotateIntegrationSecret } from '../api/rotate-integration-secret';
import { rotateSecretFormSchema } from '../utils/integration-form';

interface RotateSecretDialogProps {
  integration: IntegrationView | null;
  onClose: () => void;
  onRotated: (integration: IntegrationWithSecret) => void;
}

export function RotateSecretDialog({ integration, onClose, onRotated }: RotateSecretDialogProps) {
  const id = useId();
  const rotate = useRotateIntegrationSecret();
  const { register, handleSubmit, reset, formState } = useForm<{ secret: string }, unknown, RotateIntegrationSecretRequest>({
    resolver: zodResolver(rotateSecretFormSchema),
    defaultValues: { secret: '' },
  });
  const shopify = integration?.platform === 'shopify';

  function close() {
    reset();
    rotate.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      open={integration !== null}
      title={`Rotate the secret of “${integration?.name ?? ''}”?`}
      confirmLabel="Rotate secret"
      pending={rotate.isPending}
      error={rotate.error}
      onCancel={close}
      onConfirm={() =>
        void handleSubmit((request) =>
          rotate.mutate(
            { id: integration!.id, request },
            {
              onSuccess: (rotated) => {
                close();
                onRotated(rotated);
              },
            },
          ),
        )()
      }
    >
      <p>The old secret stops verifying at once: webhooks the shop signs with it are refused until you paste the new one there.</p>
      <div className="field">
        <label htmlFor={`${id}-secret`}>New secret{shopify ? ' from Shopify' : ' (optional)'}</label>
        <input id={`${id}-secret`} className="mono" autoComplete="off" aria-describedby={`${id}-note`} {...register('secret')} />
        {formState.errors.secret ? (
          <p id={`${id}-note`} className="field__error" role="alert">
            Secret {formState.errors.secret.message}.
          </p>
        ) : (
          <p id={`${id}-note`} className="field__hint">
            {shopify ? 'Rotate the key in Shopify first, then paste it here.' : 'Leave empty and Postino generates one.'}
          </p>
        )}
      </div>
    </ConfirmDialog>
  );
}
