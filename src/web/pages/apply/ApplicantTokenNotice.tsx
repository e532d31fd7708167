import { useState } from 'react';
import type { ApplicationCreated } from '../../api/api-types';
import { Banner } from '../../components/Banner';
import { DescriptionList } from '../../components/DescriptionList';
import { StatusTag } from '../../components/StatusTag';
import { statusLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';

/** The applicant token, shown this once: the server keeps only its hash. */
export function ApplicantTokenNotice({ created, hasAccount }: { created: ApplicationCreated; hasAccount: boolean }) {
  const { t } = useI18n();
  const label = useLabel();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(created.applicantToken).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <div className="card">
      <div className="card-body stack">
        <Banner tone="success" title={t('apply.submitted')}>{t('apply.submittedHint')}</Banner>
        <DescriptionList
          items={[
            { label: t('participant.name'), value: created.name },
            { label: t('participant.status'), value: <StatusTag value={created.status}>{label(statusLabels, created.status)}</StatusTag> },
            { label: t('apply.applicationId'), value: <code className="mono" data-testid="application-id">{created.id}</code>, wide: true },
          ]}
        />
        <Banner tone="warning" title={t('apply.tokenWarningTitle')}>{t('apply.tokenWarning')}</Banner>
        <div className="token-box">
          <label htmlFor="applicant-token" className="field-label">{t('apply.applicantToken')}</label>
          <div className="token-row">
            <input id="applicant-token" readOnly value={created.applicantToken} className="mono" onFocus={(e) => e.target.select()} data-testid="applicant-token" />
            <button type="button" className="btn" onClick={() => void copy()}>{copied ? t('common.copied') : t('common.copy')}</button>
          </div>
        </div>
        <p>
          {hasAccount ? t('apply.loginWithAccount') : t('apply.keepToken')} <Link to={paths.login}>{t('apply.goLogin')}</Link>
        </p>
      </div>
    </div>
  );
}
