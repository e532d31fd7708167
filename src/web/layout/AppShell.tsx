import type { ReactNode } from 'react';
import type { ConsoleInfo } from '../api/api-types';
import type { Session } from '../auth/session-store';
import type { Route } from '../router/routes';
import { HeaderBar } from './HeaderBar';
import { SideNav } from './SideNav';
import { UserMenu } from './UserMenu';

/** The logged-in frame: navigation on the left, header on top, the page below it. */
export function AppShell({ info, session, route, children }: { info: ConsoleInfo; session: Session; route: Route; children: ReactNode }) {
  return (
    <div className="shell">
      <SideNav info={info} session={session} route={route} />
      <div className="shell-main">
        <HeaderBar info={info}>
          <UserMenu session={session} />
        </HeaderBar>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
