import { useEffect } from 'react';
import { useConsoleInfo } from '../api/console-api';
import { useConnectorIdentity } from '../api/identity-api';
import { useSession } from '../auth/use-session';
import { ErrorBanner } from '../components/ErrorBanner';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n/use-i18n';
import { AppShell } from '../layout/AppShell';
import { PublicFrame } from '../layout/PublicFrame';
import { connectorHomePath } from '../layout/connector-home';
import { homePath } from '../layout/nav-items';
import { ApplyPage } from '../pages/apply/ApplyPage';
import { LoginPage } from '../pages/login/LoginPage';
import { navigate } from '../router/history-store';
import { matchRoute } from '../router/routes';
import { useLocation } from '../router/use-location';
import { RouteView } from './RouteView';

/**
 * Asks the node what it is, then shows the public pages, the login or the logged-in console.
 * After login the user returns to the page that asked for it (`?next=`).
 */
export function App() {
  const { t } = useI18n();
  const info = useConsoleInfo();
  const session = useSession();
  const location = useLocation();
  const route = matchRoute(location.path);

  useEffect(() => {
    document.title = info.data ? `${t('app.title')} · ${info.data.name}` : t('app.title');
  }, [info.data, t]);

  const needsHome = Boolean(info.data && session && (route.name === 'home' || route.name === 'login'));
  // A connector's first page depends on the roles in its credentials (a consumer starts at the catalog).
  const onConnector = info.data?.node === 'connector';
  const identity = useConnectorIdentity(needsHome && onConnector && !location.search.get('next'));
  const home = !info.data ? undefined : onConnector ? (identity.isPending ? undefined : connectorHomePath(identity.data)) : homePath(info.data.node, session);
  useEffect(() => {
    const next = location.search.get('next');
    if (needsHome && (next ?? home)) navigate((next ?? home)!, { replace: true });
  }, [needsHome, home, location.search]);

  if (info.isPending) return <Loading />;
  if (info.isError) {
    return (
      <div className="fatal">
        <ErrorBanner error={info.error} onRetry={() => void info.refetch()} />
      </div>
    );
  }

  if (route.name === 'apply' && info.data.node === 'operator') {
    return (
      <PublicFrame info={info.data} wide>
        <ApplyPage />
      </PublicFrame>
    );
  }
  if (!session) {
    const next = route.name === 'login' || route.name === 'home' ? location.search.get('next') : `${location.path}${location.search.size ? `?${location.search}` : ''}`;
    return (
      <PublicFrame info={info.data}>
        <LoginPage node={info.data.node} next={next ?? undefined} />
      </PublicFrame>
    );
  }
  if (needsHome) return <Loading />;
  return (
    <AppShell info={info.data} session={session} route={route}>
      <RouteView route={route} node={info.data.node} session={session} />
    </AppShell>
  );
}

