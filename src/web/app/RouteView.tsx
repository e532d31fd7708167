import { lazy, Suspense } from 'react';
import type { NodeKind } from '../api/api-types';
import { canSearchCatalog, canSeeAllParticipants, canSeeCatalogReviews, canSeeDashboard, ownParticipantId } from '../auth/permissions';
import type { Session } from '../auth/session-store';
import { CatalogEntryPage } from '../pages/catalog/CatalogEntryPage';
import { CatalogMinePage } from '../pages/catalog/CatalogMinePage';
import { CatalogReviewsPage } from '../pages/catalog/CatalogReviewsPage';
import { CatalogSearchPage } from '../pages/catalog/CatalogSearchPage';
import { LedgerPage } from '../pages/ledger/LedgerPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { CredentialsPage } from '../pages/participant/CredentialsPage';
import { ProfilePage } from '../pages/participant/ProfilePage';
import { ParticipantDetailPage } from '../pages/review/ParticipantDetailPage';
import { ParticipantListPage } from '../pages/review/ParticipantListPage';
import type { Route } from '../router/routes';
import { ConnectorRouteView } from './ConnectorRouteView';
import { Loading } from '../components/Loading';

// The dashboard brings ECharts; loaded when first opened, so no other page carries it.
const DashboardPage = lazy(async () => ({ default: (await import('../pages/dashboard/DashboardPage')).DashboardPage }));

/** The page for a route, or "not found" when this node or this person has no such page. */
export function RouteView({ route, node, session }: { route: Route; node: NodeKind; session: Session }) {
  const participantId = ownParticipantId(session);
  if (node === 'connector') return <ConnectorRouteView route={route} />;
  switch (route.name) {
    case 'review':
      return canSeeAllParticipants(session) ? <ParticipantListPage /> : <NotFoundPage />;
    case 'participant':
      return canSeeAllParticipants(session) || route.id === participantId ? <ParticipantDetailPage id={route.id} /> : <NotFoundPage />;
    case 'profile':
      return participantId ? <ProfilePage participantId={participantId} /> : <NotFoundPage />;
    case 'credentials':
      return participantId ? <CredentialsPage participantId={participantId} /> : <NotFoundPage />;
    case 'evidence':
      return <LedgerPage />;
    case 'dashboard':
      return canSeeDashboard(session) ? <Suspense fallback={<Loading />}><DashboardPage /></Suspense> : <NotFoundPage />;
    case 'catalog':
      return canSearchCatalog(session) ? <CatalogSearchPage /> : <NotFoundPage />;
    case 'catalogEntry':
      return canSearchCatalog(session) ? <CatalogEntryPage key={route.id} id={route.id} from="search" /> : <NotFoundPage />;
    case 'catalogReviews':
      return canSeeCatalogReviews(session) ? <CatalogReviewsPage /> : <NotFoundPage />;
    case 'catalogReview':
      return canSeeCatalogReviews(session) ? <CatalogEntryPage key={route.id} id={route.id} from="reviews" /> : <NotFoundPage />;
    case 'catalogMine':
      return participantId ? <CatalogMinePage /> : <NotFoundPage />;
    case 'catalogMineEntry':
      return participantId ? <CatalogEntryPage key={route.id} id={route.id} from="mine" /> : <NotFoundPage />;
    default:
      return <NotFoundPage />;
  }
}
