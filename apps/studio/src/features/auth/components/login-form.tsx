import { useId, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-error';
import { useAuth } from '../auth-context';
import { validateLogin, type LoginFieldErrors } from '../utils/validate-login';

function loginFailureMessage(error: unknown): string {
  if (error instanceof ApiError && error.isUnauthorized) return 'Incorrect email or password.';
  return errorMessage(error);
}

export function LoginForm() {
  const { logIn } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<LoginFieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const id = useId();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const errors = validateLogin({ email, password });
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;

    setSubmitting(true);
    try {
      await logIn({ email: email.trim(), password });
    } catch (error) {
      setFailure(loginFailureMessage(error));
      setSubmitting(false);
    }
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-describedby={failure ? `${id}-failure` : undefined}>
      {failure && (
        <div id={`${id}-failure`} className="alert alert--error" role="alert">
          {failure}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={fieldErrors.email ? `${id}-email-error` : undefined}
          autoFocus
        />
        {fieldErrors.email && (
          <p id={`${id}-email-error`} className="field__error">
            {fieldErrors.email}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? `${id}-password-error` : undefined}
        />
        {fieldErrors.password && (
          <p id={`${id}-password-error`} className="field__error">
            {fieldErrors.password}
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary button--block" disabled={submitting} aria-busy={submitting}>
        Log in
      </button>
    </form>
  );
}
