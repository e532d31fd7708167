import { localized } from '../../i18n/localized-text';
import { useI18n } from '../../i18n/use-i18n';
import type { JobReason } from '../../api/sandbox-types';
import { locateInSql } from './sql-position';

/**
 * Why the gate refused a job, or why it failed: the connector's words in the console's language,
 * the stable code, and when the parser knows it, where in the SQL (the line, marked).
 */
export function RefusalReason({ reason, sql, failed }: { reason: JobReason; sql?: string; failed: boolean }) {
  const { t, locale } = useI18n();
  const where = sql !== undefined && reason.at !== undefined ? locateInSql(sql, reason.at) : undefined;
  return (
    <div className="banner banner-error sandbox-reason" role="alert" data-testid="job-reason" data-code={reason.code}>
      <div className="banner-body">
        <strong className="banner-title">{failed ? t('sandbox.reason.failed') : t('sandbox.reason.refused')}</strong>
        <p className="banner-detail" data-testid="job-reason-message">{localized(reason.message, locale) ?? reason.code}</p>
        {reason.at !== undefined && (
          <p className="banner-detail" data-testid="job-reason-at">
            {where ? t('sandbox.reason.at', { position: where.position, line: where.line, column: where.column }) : t('sandbox.reason.offset', { offset: reason.at })}
          </p>
        )}
        {where && (
          <pre className="sql-caret" aria-hidden="true">
            {where.lineText.replace(/\t/g, '    ')}
            {'\n'}
            {' '.repeat(Math.max(0, caretIndent(where.before)))}^
          </pre>
        )}
        <span className="banner-code">{t('error.code', { code: reason.code })}</span>
      </div>
    </div>
  );
}

/** How far to indent the caret: wide (CJK) characters take two monospace cells. */
function caretIndent(before: string): number {
  let cells = 0;
  for (const char of before) cells += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : char === '\t' ? 4 : 1;
  return cells;
}
