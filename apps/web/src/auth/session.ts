import type { Schemas } from '../api/client';

/**
 * The signed-in user's bearer token, kept in localStorage so a reload or a new tab stays signed in
 * until the token expires (JWT_EXPIRES_IN_SECONDS, an hour by default). Expiry is learnt from the API
 * (401), which sends the user back to sign-in with their page remembered.
 */
const STORAGE_KEY = 'lienthong.session';

export interface Session {
  accessToken: string;
  user: Schemas['MeDto'];
}

let current: Session | null = read();
let expired = false;
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  return current;
}

/** Signs in (a session) or out (null); `reason: 'expired'` when the API refused the token. */
export function setSession(session: Session | null, reason: 'signed-out' | 'expired' = 'signed-out'): void {
  current = session;
  expired = !session && reason === 'expired';
  try {
    if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // private mode: the session lasts for this page only
  }
  listeners.forEach((l) => l());
}

/** Whether the last session ended because it expired (sign-in then says so). */
export function sessionExpired(): boolean {
  return expired;
}

/** For React's useSyncExternalStore. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
