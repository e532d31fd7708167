import { useAssetPreview } from '../../api/assets-api';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n/use-i18n';

const cell = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** The source's first rows, read live for the provider's own check (never sent to the operator). */
export function PreviewCard({ id }: { id: string }) {
  const { t } = useI18n();
  const preview = useAssetPreview(id);
  const data = preview.data;
  return (
    <Card title={t('assets.preview.title')} extra={<span className="muted small">{t('assets.preview.hint')}</span>}>
      {preview.isPending && <Loading />}
      {preview.isError && <ErrorBanner error={preview.error} onRetry={() => void preview.refetch()} />}
      {data && data.rows.length === 0 && <EmptyState title={t('assets.preview.empty')} />}
      {data && data.rows.length > 0 && (
        <div className="table-wrap preview-wrap">
          <table className="table table-compact" data-testid="preview">
            <thead>
              <tr>
                <th className="num">#</th>
                {data.columns.map((c) => <th key={c}>{c}</th>)}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row, i) => (
                <tr key={i}>
                  <td className="num muted">{i + 1}</td>
                  {data.columns.map((c) => <td key={c} className="nowrap">{cell(row[c])}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
