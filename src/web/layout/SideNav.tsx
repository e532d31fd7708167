import type { ConsoleInfo } from '../api/api-types';
import type { Session } from '../auth/session-store';
import { useI18n } from '../i18n/use-i18n';
import { Link } from '../router/Link';
import type { Route } from '../router/routes';
import { NavIcon } from './NavIcon';
import { navItems } from './nav-items';

const activeFor: Partial<Record<Route['name'], Route['name']>> = {
  participant: 'review',
  catalogEntry: 'catalog',
  catalogReview: 'catalogReviews',
  catalogMineEntry: 'catalogMine',
  asset: 'assets',
  assetNew: 'assets',
  negotiation: 'negotiations',
  agreement: 'agreements',
  sandboxJob: 'sandbox',
  providedJob: 'providedJobs',
};

export function SideNav({ info, session, route }: { info: ConsoleInfo; session: Session; route: Route }) {
  const { t } = useI18n();
  const current = activeFor[route.name] ?? route.name;
  return (
    <aside className="sidenav">
      <div className="brand">
        <svg viewBox="0 0 32 32" className="brand-mark" aria-hidden="true">
          <rect width="32" height="32" rx="6" fill="#3b7be8" />
          <path d="M8 10h16M16 10v14M10 17l6 7 6-7" stroke="#fff" strokeWidth="2.5" fill="none" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <div>
          <div className="brand-name">Trustspace</div>
          <div className="brand-sub">{t('app.product')}</div>
        </div>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list">
          {navItems(info.node, session).map((item) => (
            <li key={item.route}>
              <Link to={item.path} className={item.route === current ? 'nav-link active' : 'nav-link'} aria-current={item.route === current ? 'page' : undefined}>
                <NavIcon icon={item.icon} />
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidenav-footer">v{info.version}</div>
    </aside>
  );
}
