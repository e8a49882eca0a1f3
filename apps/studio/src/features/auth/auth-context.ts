import { createContext, useContext } from 'react';
import type { Credentials, Session } from './types';

export type AuthState =
  | { status: 'checking' }
  | { status: 'authenticated'; session: Session }
  /** `loggedOut`: the user chose to leave, so the login page should not offer to return to where they were. */
  | { status: 'anonymous'; loggedOut?: boolean }
  | { status: 'unavailable'; error: unknown };

export interface Auth {
  state: AuthState;
  logIn(credentials: Credentials): Promise<void>;
  logOut(): Promise<void>;
  recheck(): void;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}

/** The logged-in session; only for components rendered behind <RequireAuth>. */
export function useSession(): Session {
  const { state } = useAuth();
  if (state.status !== 'authenticated') throw new Error('useSession must be used behind <RequireAuth>');
  return state.session;
}
