import { useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/use-i18n';
import { PrivacyFields } from './PrivacyFields';
import { emptyPrivacy, privacyOf, type PrivacyFormState, type PrivacyProblem } from './privacy-form-state';
import { useSubmitJob } from '../../api/sandbox-api';
import type { SandboxJob, SandboxSchema } from '../../api/sandbox-types';
import { isNumericType } from './sql-example';

/**
 * The SQL editor: one SELECT over the granted views, the ε it spends when the agreement applies
 * differential privacy, and 运行 (also Ctrl+Enter), which submits it to the provider's sandbox.
 */
export function SqlJobForm({ schema, sql, onSqlChange, editorRef, onSubmitted }: {
  schema: SandboxSchema;
  sql: string;
  onSqlChange(sql: string): void;
  editorRef: RefObject<HTMLTextAreaElement | null>;
  onSubmitted(job: SandboxJob): void;
}) {
  const { t } = useI18n();
  const submit = useSubmitJob();
  const [privacy, setPrivacy] = useState<PrivacyFormState>(emptyPrivacy);
  const [problem, setProblem] = useState<PrivacyProblem | undefined>();
  const dp = schema.rules.differentialPrivacy;
  const numericColumns = [...new Set(schema.views.flatMap((v) => v.columns.filter((c) => !c.identifier && isNumericType(c.type)).map((c) => c.name)))];
  const empty = sql.trim() === '';

  const run = () => {
    if (empty || submit.isPending) return;
    const checked = dp ? privacyOf(privacy, dp.left) : {};
    if ('problem' in checked) {
      setProblem(checked.problem);
      return;
    }
    setProblem(undefined);
    submit.mutate({ agreementId: schema.agreementId, sql, ...(checked.privacy ? { privacy: checked.privacy } : {}) }, { onSuccess: onSubmitted });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run();
  };

  return (
    <form className="sql-form form-vertical" onSubmit={onSubmit} noValidate data-testid="sql-form">
      <div className="field">
        <label className="field-label" htmlFor="sandbox-sql">{t('sandbox.sql.label')}</label>
        <textarea
          id="sandbox-sql"
          name="sql"
          ref={editorRef}
          className="sql-editor"
          rows={8}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          maxLength={20_000}
          value={sql}
          onChange={(e) => onSqlChange(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <p className="field-hint">{t('sandbox.sql.hint')}</p>
      </div>
      {dp && <PrivacyFields dp={dp} columns={numericColumns} value={privacy} problem={problem} onChange={setPrivacy} />}
      {submit.error && <ErrorBanner error={submit.error} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" data-action="run-sql" disabled={empty || submit.isPending}>
          {submit.isPending ? t('sandbox.run.submitting') : t('sandbox.run.button')}
        </button>
      </div>
    </form>
  );
}
