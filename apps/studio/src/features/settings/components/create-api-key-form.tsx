import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../../lib/api-error';
import { validateApiKeyName } from '../utils/validate-api-key-name';

export function CreateApiKeyForm({ onCreate }: { onCreate: (name: string) => Promise<void> }) {
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = validateApiKeyName(name);
    setError(invalid);
    if (invalid) return;
    setSubmitting(true);
    try {
      await onCreate(name.trim());
      setName('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={handleSubmit} noValidate aria-label="Create API key">
      <div className="field field--grow">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. Shopify sync"
          maxLength={100}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
        />
        {error ? (
          <p id={`${id}-error`} className="field__error" role="alert">
            {error}
          </p>
        ) : (
          <p id={`${id}-hint`} className="field__hint">
            Name the key after what will use it, so you know which one to revoke.
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary" disabled={submitting} aria-busy={submitting}>
        Create key
      </button>
    </form>
  );
}
