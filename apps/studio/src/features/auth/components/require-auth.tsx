import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingIndicator } from '../../../components/loading-indicator';
import { useAuth } from '../auth-context';

export interface LoginRedirectState {
  from?: string;
}

/** Renders its children for a logged-in user; anyone else is sent to /login and brought back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, recheck } = useAuth();
  const location = useLocation();

  if (state.status === 'checking') {
    return (
      <div className="centered-page">
        <LoadingIndicator />
      </div>
    );
  }
  if (state.status === 'unavailable') {
    return (
      <div className="centered-page">
        <ErrorAlert error={state.error} onRetry={recheck} />
      </div>
    );
  }
  if (state.status === 'anonymous') {
    const redirect: LoginRedirectState | undefined = state.loggedOut
      ? undefined
      : { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={redirect} />;
  }
  return children;
}
