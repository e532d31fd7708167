import type { NodeKind } from '../api/api-types';
import { canSearchCatalog, canSeeAllParticipants, canSeeCatalogReviews, canSeeDashboard, hasOwnCatalog, ownParticipantId } from '../auth/permissions';
import type { Session } from '../auth/session-store';
import type { MessageKey } from '../i18n/messages';
import { paths, type Route } from '../router/routes';

export interface NavItem {
  route: Route['name'];
  path: string;
  label: MessageKey;
  icon: 'review' | 'profile' | 'credential' | 'ledger' | 'identity' | 'catalog' | 'catalogReview' | 'catalogMine' | 'assets' | 'negotiation' | 'agreement' | 'sandbox' | 'sandboxReview' | 'dashboard';
}

/**
 * A connector's console: its holder publishes its own data resources, discovers others', negotiates
 * contracts for them and uses the data under its agreements.
 */
const connectorItems: NavItem[] = [
  { route: 'assets', path: paths.assets, label: 'nav.assets', icon: 'assets' },
  { route: 'catalog', path: paths.catalog, label: 'nav.catalog', icon: 'catalog' },
  { route: 'negotiations', path: paths.negotiations, label: 'nav.negotiations', icon: 'negotiation' },
  { route: 'agreements', path: paths.agreements, label: 'nav.agreements', icon: 'agreement' },
  { route: 'sandbox', path: paths.sandbox, label: 'nav.sandbox', icon: 'sandbox' },
  { route: 'providedJobs', path: paths.providedJobs, label: 'nav.sandboxReview', icon: 'sandboxReview' },
  { route: 'identity', path: paths.identity, label: 'nav.identity', icon: 'identity' },
];

/** The left navigation: what this node offers to this person. */
export function navItems(node: NodeKind, session: Session | null): NavItem[] {
  if (!session) return [];
  if (node === 'connector') return connectorItems;
  const items: NavItem[] = [];
  if (canSeeAllParticipants(session)) items.push({ route: 'review', path: paths.review, label: 'nav.review', icon: 'review' });
  if (canSeeCatalogReviews(session)) items.push({ route: 'catalogReviews', path: paths.catalogReviews, label: 'nav.catalogReviews', icon: 'catalogReview' });
  if (canSeeDashboard(session)) items.push({ route: 'dashboard', path: paths.dashboard, label: 'nav.dashboard', icon: 'dashboard' });
  if (ownParticipantId(session)) {
    items.push({ route: 'profile', path: paths.profile, label: 'nav.profile', icon: 'profile' });
    items.push({ route: 'credentials', path: paths.credentials, label: 'nav.credentials', icon: 'credential' });
  }
  if (canSearchCatalog(session)) items.push({ route: 'catalog', path: paths.catalog, label: 'nav.catalog', icon: 'catalog' });
  if (hasOwnCatalog(session)) items.push({ route: 'catalogMine', path: paths.catalogMine, label: 'nav.catalogMine', icon: 'catalogMine' });
  items.push({ route: 'evidence', path: paths.evidence, label: 'nav.ledger', icon: 'ledger' });
  return items;
}

/** Where `/` leads once logged in: the first page of the navigation. */
export function homePath(node: NodeKind, session: Session | null): string {
  return navItems(node, session)[0]?.path ?? paths.login;
}
