import { AssetDetailPage } from '../pages/assets/AssetDetailPage';
import { AssetListPage } from '../pages/assets/AssetListPage';
import { AssetRegisterPage } from '../pages/assets/AssetRegisterPage';
import { CatalogEntryPage } from '../pages/catalog/CatalogEntryPage';
import { CatalogSearchPage } from '../pages/catalog/CatalogSearchPage';
import { AgreementListPage } from '../pages/contracts/AgreementListPage';
import { AgreementPage } from '../pages/contracts/AgreementPage';
import { NegotiationListPage } from '../pages/contracts/NegotiationListPage';
import { NegotiationPage } from '../pages/contracts/NegotiationPage';
import { IdentityPage } from '../pages/identity/IdentityPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ProvidedJobListPage } from '../pages/sandbox/ProvidedJobListPage';
import { ProvidedJobPage } from '../pages/sandbox/ProvidedJobPage';
import { SandboxJobPage } from '../pages/sandbox/SandboxJobPage';
import { SandboxWorkbenchPage } from '../pages/sandbox/SandboxWorkbenchPage';
import type { Route } from '../router/routes';

/**
 * A connector's pages, all for the holder of its API key: its data resources (register, describe,
 * classify, publish), discovery in the space catalog as this participant, contract negotiations,
 * agreements and the transfers under them, the data sandbox (our jobs at providers, and the jobs
 * run here for review), and its identity.
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
    case 'negotiations':
      return <NegotiationListPage />;
    case 'negotiation':
      return <NegotiationPage key={route.id} id={route.id} />;
    case 'agreements':
      return <AgreementListPage />;
    case 'agreement':
      return <AgreementPage key={route.id} id={route.id} />;
    case 'sandbox':
      return <SandboxWorkbenchPage />;
    case 'sandboxJob':
      return <SandboxJobPage key={route.id} id={route.id} />;
    case 'providedJobs':
      return <ProvidedJobListPage />;
    case 'providedJob':
      return <ProvidedJobPage key={route.id} id={route.id} />;
    case 'identity':
      return <IdentityPage />;
    default:
      return <NotFoundPage />;
  }
}
