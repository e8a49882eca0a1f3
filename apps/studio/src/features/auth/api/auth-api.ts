import { api } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import type { Credentials, Session } from '../types';

export function logIn(credentials: Credentials): Promise<Session> {
  return api.post<Session>('/api/v1/auth/login', credentials);
}

export function logOut(): Promise<void> {
  return api.post<void>('/api/v1/auth/logout');
}

/** The current session, or null when nobody is logged in. */
export async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    return await api.get<Session>('/api/v1/auth/me', { signal });
  } catch (error) {
    if (error instanceof ApiError && error.isUnauthorized) return null;
    throw error;
  }
}
