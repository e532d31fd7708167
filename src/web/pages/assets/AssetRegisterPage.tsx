import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../router/Link';
import { navigate } from '../../router/history-store';
import { paths } from '../../router/routes';
import { useLocation } from '../../router/use-location';
import { ConnectSourceForm } from './ConnectSourceForm';
import { RegisterTabs, type RegisterTab } from './RegisterTabs';
import { UploadForm } from './UploadForm';

/** 登记数据资源: upload a file or connect a source; the connector infers the dictionary and scans for personal information. */
export function AssetRegisterPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const tab: RegisterTab = search.get('tab') === 'connect' ? 'connect' : 'upload';
  const created = (id: string) => navigate(paths.asset(id));
  return (
    <>
      <PageHeader breadcrumb={<Link to={paths.assets}>← {t('assets.backToList')}</Link>} title={t('assets.new.title')} subtitle={t('assets.new.subtitle')} />
      <div className="card">
        <RegisterTabs current={tab} onChange={(next) => navigate(`${paths.assetNew}${next === 'connect' ? '?tab=connect' : ''}`, { replace: true })} />
        <div className="card-body" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === 'upload' ? <UploadForm onCreated={created} /> : <ConnectSourceForm onCreated={created} />}
        </div>
      </div>
    </>
  );
}
