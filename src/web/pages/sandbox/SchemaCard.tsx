import { Card } from '../../components/Card';
import { useI18n } from '../../i18n/use-i18n';
import type { SandboxView } from '../../api/sandbox-types';

/**
 * 授权视图: the views the agreement grants and their columns. Identifier columns (hashed or
 * tokenized) may only join views, never be output, and are marked so.
 */
export function SchemaCard({ views, onInsert }: { views: SandboxView[]; onInsert?(name: string): void }) {
  const { t } = useI18n();
  return (
    <div data-testid="sandbox-schema">
      <Card title={t('sandbox.schema.title')}>
        <p className="muted small">{t('sandbox.schema.hint')}</p>
        {views.length === 0 && <p className="muted">{t('sandbox.schema.empty')}</p>}
        {views.map((view) => (
          <section key={view.name} className="schema-view" data-view={view.name}>
            <h3 className="schema-view-name">
              <button type="button" className="btn-link mono" title={t('sandbox.schema.insert')} onClick={() => onInsert?.(view.name)} disabled={!onInsert}>{view.name}</button>
              <span className="small muted">{t('sandbox.schema.columnCount', { n: view.columns.length })}</span>
            </h3>
            <table className="table table-compact">
              <thead>
                <tr>
                  <th>{t('sandbox.schema.column')}</th>
                  <th>{t('sandbox.schema.type')}</th>
                  <th>{t('sandbox.schema.use')}</th>
                </tr>
              </thead>
              <tbody>
                {view.columns.map((c) => (
                  <tr key={c.name} data-column={c.name} data-identifier={c.identifier ? 'true' : undefined}>
                    <td>
                      <button type="button" className="btn-link mono" title={t('sandbox.schema.insert')} onClick={() => onInsert?.(c.name)} disabled={!onInsert}>{c.name}</button>
                    </td>
                    <td><code className="mono">{c.type}</code></td>
                    <td>{c.identifier ? <span className="tag tag-gold" title={t('sandbox.schema.joinOnlyHint')}>{t('sandbox.schema.joinOnly')}</span> : <span className="muted small">{t('sandbox.schema.queryable')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </Card>
    </div>
  );
}
