import { isApiError } from '../api/api-error';
import { useI18n } from '../i18n/use-i18n';

/**
 * Shows a failed call: the problem's localized title and detail as the server wrote them, its
 * field errors, and the stable code for support. Other failures get a translated explanation.
 */
/** `fields` replaces the problem's field errors (a form shows the ones it can place itself). */
export function ErrorBanner({ error, onRetry, fields: shownFields }: { error: unknown; onRetry?: () => void; fields?: { pointer: string; detail: string }[] }) {
  const { t } = useI18n();
  if (!error) return null;
  let title = t('error.unexpected');
  let detail: string | undefined;
  let code: string | undefined;
  let fields: { pointer: string; detail: string }[] = [];
  if (isApiError(error)) {
    code = error.code;
    fields = shownFields ?? error.errors;
    if (error.kind === 'network') title = t('error.network');
    else if (error.kind === 'http') title = t('error.http', { status: error.status });
    else {
      title = error.title ?? t('error.http', { status: error.status });
      detail = error.detail;
    }
  } else if (error instanceof Error) {
    detail = error.message;
  }
  return (
    <div className="banner banner-error" role="alert">
      <div className="banner-body">
        <strong className="banner-title">{title}</strong>
        {detail && <p className="banner-detail">{detail}</p>}
        {fields.length > 0 && (
          <ul className="banner-fields">
            {fields.map((field) => (
              <li key={`${field.pointer}:${field.detail}`}>
                <code>{field.pointer}</code> {field.detail}
              </li>
            ))}
          </ul>
        )}
        {code && <span className="banner-code">{t('error.code', { code })}</span>}
      </div>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
