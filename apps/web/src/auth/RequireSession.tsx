import { type ReactNode, useSyncExternalStore } from 'react';
import { Navigate, useLocation } from 'react-router';
import { handleUnauthorized } from '../api/client';
import { getSession, sessionExpired, setSession, subscribeSession } from './session';

export const useSession = () => useSyncExternalStore(subscribeSession, getSession);

// A 401 on any call ends the session; RequireSession below then sends the user to sign-in.
handleUnauthorized(() => setSession(null, 'expired'));

/** Sign-in's address, remembering the page to come back to (path and query). */
export function loginPath(from: { pathname: string; search: string }, expired = false): string {
  const params = new URLSearchParams({ next: from.pathname + from.search });
  if (expired) params.set('expired', '1');
  return `/login?${params.toString()}`;
}

/**
 * The signed-in part of the app. Without a session it sends the user to sign-in — with the page
 * they were on, and a line saying why when the session expired mid-work.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={loginPath(location, sessionExpired())} replace />;
  return children;
}
