import type { CatalogRecord } from '../../api/catalog-types';
import { Card } from '../../components/Card';
import { DescriptionList, type Description } from '../../components/DescriptionList';
import { frequencyLabels, iriTail, kindLabels, openLabels, shareLabels, themeLabels } from '../../i18n/catalog-labels';
import { localized, localizedList } from '../../i18n/localized-text';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { ClassificationTag } from './ClassificationTag';
import { VisibilityText } from './VisibilityText';

/** The entry's DCAT metadata: what it is, who offers it, what it covers, how it may be shared. */
export function EntryMetadata({ record }: { record: CatalogRecord }) {
  const { t, locale, formatDateTime } = useI18n();
  const label = useLabel();
  const e = record.entry;
  const sep = t('common.listSeparator');
  const theme = (v: string) => (themeLabels[iriTail(v)] ? label(themeLabels, iriTail(v)) : v);
  const contact = [e.contactPoint?.name, e.contactPoint?.email, e.contactPoint?.phone].filter(Boolean).join(' · ');
  const optional = (show: unknown, item: Description): Description[] => (show ? [item] : []);
  const items: Description[] = [
    { label: t('catalog.entry.id'), value: <code className="mono mono-wrap">{record.id}</code>, wide: true },
    { label: t('catalog.entry.kind'), value: label(kindLabels, e.kind) },
    { label: t('catalog.provider'), value: record.provider.name },
    { label: t('catalog.entry.description'), value: localized(e.description, locale), wide: true },
    ...optional(e.keywords, { label: t('catalog.entry.keywords'), value: localizedList(e.keywords, locale).join(sep), wide: true }),
    ...optional(e.themes?.length, { label: t('catalog.entry.themes'), value: (e.themes ?? []).map(theme).join(sep), wide: true }),
    { label: t('catalog.entry.classification'), value: e.classification ? <ClassificationTag classification={e.classification} /> : '—' },
    ...optional(e.shareAttribute, { label: t('catalog.entry.shareAttribute'), value: label(shareLabels, e.shareAttribute ?? '') }),
    ...optional(e.openAttribute, { label: t('catalog.entry.openAttribute'), value: label(openLabels, e.openAttribute ?? '') }),
    ...optional(e.spatial?.length, { label: t('catalog.entry.spatial'), value: (e.spatial ?? []).join(sep) }),
    ...optional(e.temporal, { label: t('catalog.entry.temporal'), value: `${e.temporal?.start ?? '…'} – ${e.temporal?.end ?? '…'}` }),
    ...optional(e.accrualPeriodicity, { label: t('catalog.entry.periodicity'), value: label(frequencyLabels, iriTail(e.accrualPeriodicity ?? '')) }),
    ...optional(e.license, { label: t('catalog.entry.license'), value: <span className="mono-wrap">{e.license}</span>, wide: true }),
    ...optional(contact, { label: t('catalog.entry.contact'), value: contact, wide: true }),
    ...optional(e.handle || e.doi, { label: t('catalog.entry.handle'), value: [e.handle, e.doi].filter(Boolean).join(' · ') }),
    ...optional(e.issued, { label: t('catalog.entry.issued'), value: e.issued }),
    ...optional(e.modified, { label: t('catalog.entry.modified'), value: formatDateTime(e.modified) }),
    ...optional(record.publishedAt, { label: t('catalog.entry.publishedAt'), value: formatDateTime(record.publishedAt) }),
    { label: t('catalog.entry.updatedAt'), value: formatDateTime(record.updatedAt) },
    ...optional(record.visibility, { label: t('catalog.entry.visibility'), value: record.visibility && <VisibilityText visibility={record.visibility} />, wide: true }),
  ];
  return (
    <Card title={t('catalog.entry.metadata')}>
      <DescriptionList items={items} />
    </Card>
  );
}
