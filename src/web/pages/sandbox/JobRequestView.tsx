import { Fragment } from 'react';
import { localized } from '../../i18n/localized-text';
import { useI18n } from '../../i18n/use-i18n';
import type { SandboxAlgorithm, SandboxJob } from '../../api/sandbox-types';

/**
 * What a job asked: its SQL, or the registered algorithm with the parameters it was given (by
 * their titles when the algorithm is known), and the algorithm's own SQL when the provider has it.
 */
export function JobRequestView({ job, algorithm }: { job: SandboxJob; algorithm?: SandboxAlgorithm }) {
  const { t, locale } = useI18n();
  if (job.kind === 'sql') return <pre className="sql-block" data-testid="job-sql">{job.sql}</pre>;
  const titleOf = (name: string) => localized(algorithm?.parameters.find((p) => p.name === name)?.title, locale) ?? name;
  return (
    <div data-testid="job-algorithm">
      <p className="algorithm-name">
        <strong>{algorithm ? localized(algorithm.title, locale) : job.algorithm}</strong>{' '}
        <code className="mono">{job.algorithm}{job.version ? ` v${job.version}` : ''}</code>
      </p>
      <dl className="proof-facts">
        {Object.entries(job.parameters ?? {}).map(([name, value]) => (
          <Fragment key={name}>
            <dt>{titleOf(name)}</dt>
            <dd><code className="mono mono-wrap">{String(value)}</code></dd>
          </Fragment>
        ))}
      </dl>
      {algorithm?.sql && (
        <details className="decoded">
          <summary>{t('sandbox.algorithm.showSql')}</summary>
          <pre className="sql-block">{algorithm.sql}</pre>
        </details>
      )}
    </div>
  );
}
