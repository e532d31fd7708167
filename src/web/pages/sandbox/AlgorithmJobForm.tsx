import { useState, type FormEvent } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormField } from '../../components/FormField';
import type { MessageKey } from '../../i18n/messages';
import { localized } from '../../i18n/localized-text';
import { useI18n } from '../../i18n/use-i18n';
import { algorithmKey, authorizationList, parameterValues, type ParameterProblem } from './algorithm-form-state';
import { useSubmitJob } from '../../api/sandbox-api';
import type { SandboxJob, SandboxSchema } from '../../api/sandbox-types';

const problemKeys: Record<ParameterProblem, MessageKey> = {
  required: 'sandbox.algorithm.required',
  pattern: 'sandbox.algorithm.pattern',
  number: 'sandbox.algorithm.number',
  integer: 'sandbox.algorithm.integer',
};

/**
 * 登记算法: runs one of the provider's registered, approved algorithms under the agreement. Its
 * parameters are asked by their titles; the SQL behind it stays with the provider.
 */
export function AlgorithmJobForm({ schema, onSubmitted }: { schema: SandboxSchema; onSubmitted(job: SandboxJob): void }) {
  const { t, locale } = useI18n();
  const submit = useSubmitJob();
  const [chosen, setChosen] = useState(() => (schema.algorithms[0] ? algorithmKey(schema.algorithms[0]) : ''));
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [problems, setProblems] = useState<Record<string, ParameterProblem>>({});
  const [authorizationText, setAuthorizationText] = useState('');
  const [authorizationProblem, setAuthorizationProblem] = useState(false);
  const algorithm = schema.algorithms.find((a) => algorithmKey(a) === chosen);
  if (schema.algorithms.length === 0) return <EmptyState title={t('sandbox.algorithm.none')} hint={t('sandbox.algorithm.noneHint')} />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!algorithm) return;
    const checked = parameterValues(algorithm, values);
    if ('problems' in checked) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    // A per-entity algorithm's job carries the entities' authorizations (依场景授权, ADR 0012).
    const listed = algorithm.entities ? authorizationList(authorizationText) : { authorizations: [] };
    setAuthorizationProblem('problem' in listed);
    if ('problem' in listed) return;
    const authorizations = algorithm.entities ? { authorizations: listed.authorizations } : {};
    submit.mutate({ agreementId: schema.agreementId, algorithm: algorithm.name, version: algorithm.version, parameters: checked.parameters, ...authorizations }, { onSuccess: onSubmitted });
  };

  return (
    <form className="algorithm-form" onSubmit={onSubmit} noValidate data-testid="algorithm-form">
      <FormField label={t('sandbox.algorithm.label')} htmlFor="sandbox-algorithm" required>
        <select id="sandbox-algorithm" name="algorithm" value={chosen} onChange={(e) => { setChosen(e.target.value); setValues({}); setProblems({}); }}>
          {schema.algorithms.map((a) => (
            <option key={algorithmKey(a)} value={algorithmKey(a)}>{localized(a.title, locale)} · {a.name} v{a.version}</option>
          ))}
        </select>
      </FormField>
      {algorithm?.description && <p className="algorithm-description">{localized(algorithm.description, locale)}</p>}
      {algorithm?.parameters.map((p) => {
        const id = `sandbox-param-${p.name}`;
        const problem = problems[p.name];
        const value = values[p.name];
        return (
          <FormField key={p.name} label={localized(p.title, locale) ?? p.name} htmlFor={id} required={p.type !== 'boolean'} error={problem ? t(problemKeys[problem]) : undefined} hint={<code className="mono">{p.name}: {p.type}</code>}>
            {p.type === 'boolean' ? (
              <input id={id} name={p.name} type="checkbox" checked={value === true} onChange={(e) => setValues({ ...values, [p.name]: e.target.checked })} />
            ) : (
              <input id={id} name={p.name} type={p.type === 'string' ? 'text' : 'number'} step={p.type === 'integer' ? 1 : 'any'} value={typeof value === 'string' ? value : ''} onChange={(e) => setValues({ ...values, [p.name]: e.target.value })} aria-invalid={Boolean(problem)} />
            )}
          </FormField>
        );
      })}
      {algorithm?.entities && (
        <FormField label={t('sandbox.algorithm.authorizations')} htmlFor="sandbox-authorizations" hint={t('sandbox.algorithm.authorizationsHint', { parameter: algorithm.entities.parameter })} error={authorizationProblem ? t('sandbox.algorithm.authorizationsInvalid') : undefined}>
          <textarea id="sandbox-authorizations" name="authorizations" rows={4} className="mono" value={authorizationText} onChange={(e) => setAuthorizationText(e.target.value)} aria-invalid={authorizationProblem} />
        </FormField>
      )}
      {algorithm && algorithm.release === 'manual' && <p className="small muted">{t('sandbox.algorithm.manualRelease')}</p>}
      {submit.error && <ErrorBanner error={submit.error} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" data-action="run-algorithm" disabled={!algorithm || submit.isPending}>
          {submit.isPending ? t('sandbox.run.submitting') : t('sandbox.run.button')}
        </button>
      </div>
    </form>
  );
}
