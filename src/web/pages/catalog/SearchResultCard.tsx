import type { SearchHit } from '../../api/catalog-types';
import { accessModeLabels, kindLabels, priceModelLabels } from '../../i18n/catalog-labels';
import { localized, localizedList } from '../../i18n/localized-text';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { ClassificationTag } from './ClassificationTag';

/** One search result: title in the console's language (the other as fallback), who offers it and how. */
export function SearchResultCard({ hit }: { hit: SearchHit }) {
  const { t, locale, formatDateTime } = useI18n();
  const label = useLabel();
  const title = localized(hit.title, locale) ?? t('catalog.untitled');
  const description = localized(hit.description, locale);
  const keywords = localizedList(hit.keywords, locale).slice(0, 8);
  const list = (values: string[], table: Record<string, MessageKey>) => values.map((v) => label(table, v)).join(t('common.listSeparator'));
  return (
    <article className="result" data-entry={hit.id}>
      <header className="result-head">
        <span className="tag tag-purple">{label(kindLabels, hit.kind)}</span>
        <h2 className="result-title">
          <Link to={paths.catalogEntry(hit.id)}>{title}</Link>
        </h2>
        <ClassificationTag classification={hit.classification} />
      </header>
      {description && <p className="result-description">{description}</p>}
      {keywords.length > 0 && (
        <ul className="keyword-list" aria-label={t('catalog.entry.keywords')}>
          {keywords.map((k) => <li key={k}>{k}</li>)}
        </ul>
      )}
      <dl className="result-facts">
        <div><dt>{t('catalog.provider')}</dt><dd>{hit.provider.name}</dd></div>
        <div><dt>{t('catalog.accessModes')}</dt><dd>{list(hit.accessModes, accessModeLabels) || '—'}</dd></div>
        <div><dt>{t('catalog.priceModels')}</dt><dd>{list(hit.priceModels, priceModelLabels) || '—'}</dd></div>
        <div><dt>{t('catalog.publishedAt')}</dt><dd>{formatDateTime(hit.publishedAt)}</dd></div>
      </dl>
    </article>
  );
}
