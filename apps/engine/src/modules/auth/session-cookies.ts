import type { CookieOptions, Response } from 'express';

export const SESSION_COOKIE = 'postino_session';
export const CSRF_COOKIE = 'postino_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The session cookie is httpOnly and SameSite=Lax; the CSRF cookie is readable by the studio,
 * which echoes it in the X-CSRF-Token header (double submit, checked against the session row).
 */
export function setSessionCookies(res: Response, session: { token: string; csrf: string; ttlHours: number; secure: boolean }) {
  const base: CookieOptions = { sameSite: 'lax', secure: session.secure, path: '/', maxAge: session.ttlHours * 3600_000 };
  res.cookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true });
  res.cookie(CSRF_COOKIE, session.csrf, { ...base, httpOnly: false });
}

export function clearSessionCookies(res: Response) {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
  res.clearCookie(CSRF_COOKIE, { path: '/' });
}
