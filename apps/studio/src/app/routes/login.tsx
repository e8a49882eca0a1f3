import { Navigate, useLocation } from 'react-router-dom';
import { LoadingIndicator } from '../../components/loading-indicator';
import { useAuth } from '../../features/auth/auth-context';
import { LoginForm } from '../../features/auth/components/login-form';
import type { LoginRedirectState } from '../../features/auth/components/require-auth';
import { useDocumentTitle } from '../../hooks/use-document-title';

const HOME = '/shipments';

/** Where to go after logging in: the page that sent the user here, or the shipments list. */
function destinationAfterLogin(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  return from && from.startsWith('/') && !from.startsWith('/login') ? from : HOME;
}

export function LoginRoute() {
  useDocumentTitle('Log in');
  const { state } = useAuth();
  const location = useLocation();

  if (state.status === 'authenticated') return <Navigate to={destinationAfterLogin(location.state)} replace />;

  return (
    <div className="centered-page">
      <main className="login-card">
        <div className="login-card__brand">
          <span className="sidebar__logo" aria-hidden="true">
            P
          </span>
          Postino Studio
        </div>
        <h1>Log in</h1>
        <p className="muted">Track every shipment and the messages your customers receive.</p>
        {state.status === 'checking' ? <LoadingIndicator /> : <LoginForm />}
      </main>
    </div>
  );
}
