import { isApiError } from '../../api/api-error';
import { Banner } from '../../components/Banner';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/use-i18n';

interface Props {
  dirty: boolean;
  stale: boolean;
  saving: boolean;
  saved: boolean;
  error: unknown;
  onDiscard(): void;
}

/**
 * Saving the edits as a new version, kept in view at the bottom of the page. A save based on an
 * older version is refused by the connector (asset.version-conflict): the person then drops the
 * edits and starts again from the current version, so nobody overwrites another's change unseen.
 */
export function SaveBar({ dirty, stale, saving, saved, error, onDiscard }: Props) {
  const { t } = useI18n();
  const conflict = stale || (isApiError(error) && error.code === 'asset.version-conflict');
  return (
    <div className="save-bar" data-testid="save-bar">
      {conflict ? (
        <Banner tone="warning" title={t('assets.save.conflict')}>
          {t('assets.save.conflictHint')}{' '}
          <button type="button" className="btn btn-small" onClick={onDiscard}>{t('assets.save.reload')}</button>
        </Banner>
      ) : (
        error !== null && error !== undefined && <ErrorBanner error={error} />
      )}
      <div className="save-bar-row">
        <span className={dirty ? 'save-state dirty' : 'save-state muted'} data-dirty={dirty}>
          {dirty ? t('assets.save.unsaved') : saved ? t('assets.save.saved') : t('assets.save.clean')}
        </span>
        {dirty && <button type="button" className="btn" onClick={onDiscard}>{t('assets.save.discard')}</button>}
        <button type="submit" className="btn btn-primary" data-action="save" disabled={!dirty || saving}>
          {saving ? t('common.submitting') : t('assets.save.submit')}
        </button>
      </div>
    </div>
  );
}
