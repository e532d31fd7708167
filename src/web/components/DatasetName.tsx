import { useCatalogEntry } from '../api/catalog-api';
import { localized } from '../i18n/localized-text';
import { useI18n } from '../i18n/use-i18n';
import { Link } from '../router/Link';
import { paths } from '../router/routes';
import { NamedId } from './NamedId';

/**
 * A data resource by its catalog title (in the console's language), linked to its catalog entry,
 * with the URN one click away. A dataset the catalog does not show us keeps its identifier.
 */
export function DatasetName({ id, full }: { id: string; full?: boolean }) {
  const { locale } = useI18n();
  const inCatalog = id.startsWith('urn:tds:');
  const entry = useCatalogEntry(id, undefined, inCatalog);
  const title = localized(entry.data?.entry.title, locale);
  if (!inCatalog || !title) return <NamedId id={id} full={full} />;
  return (
    <NamedId id={id} name={title}>
      <Link to={paths.catalogEntry(id)}>{title}</Link>
    </NamedId>
  );
}
