import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../../../lib/api-client';
import { fetchSession, logIn, logOut } from '../api/auth-api';
import { AuthContext, type Auth, type AuthState } from '../auth-context';
import type { Credentials } from '../types';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'checking' });
  const [checkCount, setCheckCount] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchSession(controller.signal).then(
      (session) => {
        if (!controller.signal.aborted) setState(session ? { status: 'authenticated', session } : { status: 'anonymous' });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'unavailable', error });
      },
    );
    return () => controller.abort();
  }, [checkCount]);

  // A 401 from any request means the session has ended (expired or logged out elsewhere).
  useEffect(() => api.onUnauthorized(() => setState({ status: 'anonymous' })), []);

  const handleLogIn = useCallback(async (credentials: Credentials) => {
    const session = await logIn(credentials);
    setState({ status: 'authenticated', session });
  }, []);

  const handleLogOut = useCallback(async () => {
    // Leave the studio even if the server cannot be told; its session cookie then simply expires.
    await logOut().catch(() => undefined);
    setState({ status: 'anonymous', loggedOut: true });
  }, []);

  const recheck = useCallback(() => {
    setState({ status: 'checking' });
    setCheckCount((count) => count + 1);
  }, []);

  const auth = useMemo<Auth>(
    () => ({ state, logIn: handleLogIn, logOut: handleLogOut, recheck }),
    [state, handleLogIn, handleLogOut, recheck],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
