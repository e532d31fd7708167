import { useState } from 'react';
import type { ApplicationCreated } from '../../api/api-types';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { ApplicantTokenNotice } from './ApplicantTokenNotice';
import { ApplicationForm } from './ApplicationForm';

/** The public application page: no login; the applicant token is shown once afterwards. */
export function ApplyPage() {
  const { t } = useI18n();
  const [created, setCreated] = useState<{ created: ApplicationCreated; hasAccount: boolean }>();
  return (
    <>
      <PageHeader title={t('apply.title')} subtitle={t('apply.subtitle')} breadcrumb={<Link to={paths.login}>← {t('apply.backToLogin')}</Link>} />
      {created ? (
        <ApplicantTokenNotice created={created.created} hasAccount={created.hasAccount} />
      ) : (
        <ApplicationForm onCreated={(c, hasAccount) => setCreated({ created: c, hasAccount })} />
      )}
    </>
  );
}
