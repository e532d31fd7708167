import { AssetDetailPage } from '../pages/assets/AssetDetailPage';
import { AssetListPage } from '../pages/assets/AssetListPage';
import { AssetRegisterPage } from '../pages/assets/AssetRegisterPage';
import { CatalogEntryPage } from '../pages/catalog/CatalogEntryPage';
import { CatalogSearchPage } from '../pages/catalog/CatalogSearchPage';
import { IdentityPage } from '../pages/identity/IdentityPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import type { Route } from '../router/routes';

/**
 * A connector's pages, all for the holder of its API key: its data resources (register, describe,
 * classify, publish), discovery in the space catalog as this participant, and its identity.
 */
export function ConnectorRouteView({ route }: { route: Route }) {
  switch (route.name) {
    case 'assets':
      return <AssetListPage />;
    case 'assetNew':
      return <AssetRegisterPage />;
    case 'asset':
      return <AssetDetailPage key={route.id} id={route.id} />;
    case 'catalog':
      return <CatalogSearchPage />;
    case 'catalogEntry':
      return <CatalogEntryPage key={route.id} id={route.id} from="search" />;
    case 'identity':
      return <IdentityPage />;
    default:
      return <NotFoundPage />;
  }
}
