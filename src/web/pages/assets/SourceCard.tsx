import { useReinferAsset } from '../../api/assets-api';
import type { Asset } from '../../api/asset-types';
import { Card } from '../../components/Card';
import { DescriptionList, type Description } from '../../components/DescriptionList';
import { ErrorBanner } from '../../components/ErrorBanner';
import { HashText } from '../../components/HashText';
import { formatBytes } from '../../format/format-bytes';
import { sourceKindLabels } from '../../i18n/asset-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

/** Where the data is (never its secret) and the sample the dictionary was inferred from; sampling again keeps what the provider wrote. */
export function SourceCard({ asset, editing }: { asset: Asset; editing: boolean }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const label = useLabel();
  const reinfer = useReinferAsset(asset.id);
  const s = asset.source;
  const mono = (value: string) => <code className="mono mono-wrap">{value}</code>;
  const items: Description[] = [{ label: t('assets.source.kindLabel'), value: label(sourceKindLabels, s.kind) }];
  if (s.kind === 'file') {
    items.push({ label: t('assets.source.format'), value: s.format.toUpperCase() }, { label: t('assets.source.path'), value: mono(s.path) });
    if (s.byteSize !== undefined) items.push({ label: t('assets.source.size'), value: formatBytes(s.byteSize) });
    if (s.sha256) items.push({ label: 'SHA-256', value: <HashText value={s.sha256} /> });
  } else if (s.kind === 'table') {
    items.push({ label: t('assets.source.engine'), value: s.engine }, { label: t('assets.source.location'), value: mono(s.location), wide: true }, { label: t('assets.source.table'), value: mono(s.schema ? `${s.schema}.${s.table}` : s.table) });
  } else {
    items.push({ label: t('assets.source.baseUrl'), value: mono(s.baseUrl), wide: true });
    if (s.samplePath) items.push({ label: t('assets.source.samplePath'), value: mono(s.samplePath) });
    if (s.authHeaderName) items.push({ label: t('assets.source.authName'), value: <>{mono(s.authHeaderName)} <span className="muted small">{t('assets.source.secretKept')}</span></> });
  }
  if (asset.sample) {
    const rows = asset.sample.totalRows === undefined ? formatNumber(asset.sample.rows) : t('assets.source.sampleOf', { rows: formatNumber(asset.sample.rows), total: formatNumber(asset.sample.totalRows) });
    items.push({ label: t('assets.source.sample'), value: `${rows} · ${formatDateTime(asset.sample.at)}` });
  }
  const action = (
    <button type="button" className="btn btn-small" disabled={editing || reinfer.isPending} title={editing ? t('assets.source.reinferBlocked') : undefined} onClick={() => reinfer.mutate()}>
      {reinfer.isPending ? t('common.submitting') : t('assets.source.reinfer')}
    </button>
  );
  return (
    <Card title={t('assets.source.title')} extra={action}>
      {reinfer.error && <ErrorBanner error={reinfer.error} />}
      <DescriptionList items={items} />
    </Card>
  );
}
