import type { NodeKind } from '../../api/api-types';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { ApiKeyLoginForm } from './ApiKeyLoginForm';
import { PasswordLoginForm } from './PasswordLoginForm';

/** Operator: username, password and (when enabled) a one-time code. Connector: its API key. */
export function LoginPage({ node, next }: { node: NodeKind; next?: string }) {
  const { t } = useI18n();
  return (
    <div className="login">
      <div className="login-intro">
        <h1>{t('app.product')}</h1>
        <p>{t(node === 'operator' ? 'login.introOperator' : 'login.introConnector')}</p>
        <ul className="login-points">
          <li>{t('login.point1')}</li>
          <li>{t('login.point2')}</li>
          <li>{t('login.point3')}</li>
        </ul>
      </div>
      <div className="card login-card">
        <h2 className="login-title">{t(node === 'operator' ? 'login.title' : 'login.titleConnector')}</h2>
        {node === 'operator' ? <PasswordLoginForm next={next} /> : <ApiKeyLoginForm next={next} />}
        {node === 'operator' && (
          <p className="login-apply">
            {t('login.noAccount')} <Link to={paths.apply}>{t('login.applyLink')}</Link>
          </p>
        )}
      </div>
    </div>
  );
}
