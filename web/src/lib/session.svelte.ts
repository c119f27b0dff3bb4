/** Who is signed in. The token lives in localStorage (lib/api.ts); `session.user` comes from GET /api/me. */
import { api, getToken, setToken, UNAUTHORIZED_EVENT, ApiError } from './api.ts';
import type { Me } from './types.ts';

class Session {
  user = $state<Me | null>(null);
  /** True while a stored token is being checked at start. */
  checking = $state(true);
  /** Why the user was signed out (an expired or revoked token), shown on the sign-in form. */
  notice = $state<string | null>(null);
}

export const session = new Session();

export async function restoreSession(): Promise<void> {
  window.addEventListener(UNAUTHORIZED_EVENT, () => {
    if (session.user) signOut('Your token is no longer valid. Sign in again.');
  });
  if (!getToken()) {
    session.checking = false;
    return;
  }
  try {
    session.user = await api<Me>('/api/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) setToken(null);
    else session.notice = (e as Error).message;
  } finally {
    session.checking = false;
  }
}

/** Checks the token with GET /api/me and keeps it only when the server accepts it. */
export async function signIn(token: string): Promise<Me> {
  const me = await api<Me>('/api/me', { token });
  setToken(token);
  session.notice = null;
  session.user = me;
  return me;
}

export function signOut(notice: string | null = null): void {
  setToken(null);
  session.user = null;
  session.notice = notice;
}
