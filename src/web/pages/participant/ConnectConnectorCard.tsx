import { useCreateEnrollmentToken } from '../../api/participants-api';
import { Card } from '../../components/Card';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/use-i18n';
import { connectorCommands } from './connector-commands';

/**
 * 接入连接器: what an admitted participant does next. Its connector is how it takes part, so the
 * steps (start, create an enrollment token, enroll, check) are on its own page, with the
 * commands filled in; the token is shown once, as the operator returns it.
 */
export function ConnectConnectorCard({ participantId, canCreateToken }: { participantId: string; canCreateToken: boolean }) {
  const { t } = useI18n();
  const create = useCreateEnrollmentToken(participantId);
  const token = create.data?.token;
  const { start, enroll } = connectorCommands({ operatorUrl: window.location.origin, participantId, ...(token ? { token } : {}) });
  return (
    <div data-testid="connect-connector">
      <Card title={t('connect.title')}>
        <p>{t('connect.intro')}</p>
        <ol className="connect-steps">
          <li>
            {t('connect.step1')}
            <pre className="json">{start}</pre>
          </li>
          <li>
            {t('connect.step2')}{' '}
            {canCreateToken ? (
              <button type="button" className="btn btn-small" data-action="create-enrollment-token" disabled={create.isPending || Boolean(token)} onClick={() => create.mutate()}>{t('connect.createToken')}</button>
            ) : (
              <span className="muted">{t('connect.adminOnly')}</span>
            )}
            {create.isError && <ErrorBanner error={create.error} />}
            {token && (
              <div className="field">
                <span className="field-label">{t('connect.tokenCreated')}</span>
                <code className="mono mono-wrap" data-testid="enrollment-token">{token}</code>
              </div>
            )}
          </li>
          <li>
            {t('connect.step3')}
            <pre className="json">{enroll}</pre>
          </li>
          <li>{t('connect.step4')}</li>
        </ol>
      </Card>
    </div>
  );
}
