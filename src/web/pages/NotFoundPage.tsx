import { EmptyState } from '../components/EmptyState';
import { useI18n } from '../i18n/use-i18n';
import { Link } from '../router/Link';
import { paths } from '../router/routes';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="card">
      <EmptyState title={t('notFound.title')} hint={t('notFound.hint')} action={<Link to={paths.home} className="btn">{t('notFound.home')}</Link>} />
    </div>
  );
}
