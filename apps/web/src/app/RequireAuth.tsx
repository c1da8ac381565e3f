import { Navigate, Outlet } from 'react-router-dom';
import { useMe, wasSignedIn } from '../lib/session';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH, type LoginPageState } from '../features/accounts/paths';
import { FullPageSpin, LoadError } from './FullPageState';

export type LoginRedirectState = Pick<LoginPageState, 'expired'>;

/**
 * Routes below this render only for a signed-in user; everyone else goes to /login. A user who
 * must change the password (first login, or reset by the legal person) goes to the forced change
 * page first; the api-client's PASSWORD_CHANGE_REQUIRED handler marks the cached user the same way.
 */
export function RequireAuth() {
  const me = useMe();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <LoadError onRetry={() => void me.refetch()} />;
  if (me.data === null) {
    const state: LoginRedirectState = { expired: wasSignedIn() };
    return <Navigate to={LOGIN_PATH} replace state={state} />;
  }
  if (me.data.user.mustChangePassword) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return <Outlet />;
}
