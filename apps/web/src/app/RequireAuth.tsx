import { Navigate, Outlet } from 'react-router-dom';
import { useMe, wasSignedIn } from '../lib/session';
import { FullPageSpin, LoadError } from './FullPageState';

export interface LoginRedirectState {
  /** The user had been signed in and the server no longer knows the session. */
  expired?: boolean;
}

/** Routes below this render only for a signed-in user; everyone else goes to /login. */
export function RequireAuth() {
  const me = useMe();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <LoadError onRetry={() => void me.refetch()} />;
  if (me.data === null) {
    const state: LoginRedirectState = { expired: wasSignedIn() };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}
