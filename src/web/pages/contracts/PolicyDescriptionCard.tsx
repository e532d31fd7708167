import type { AgreementView } from '../../api/contract-types';
import { Card } from '../../components/Card';
import { JsonBlock } from '../../components/JsonBlock';
import { useI18n } from '../../i18n/use-i18n';
import { PolicyRuleList } from './PolicyRuleList';

/**
 * 合约条款: the agreement's policy in words in the console's language, as the connector wrote it
 * (`description[locale]`; the console imports no policy code), with the ODRL policy beneath.
 */
export function PolicyDescriptionCard({ agreement }: { agreement: AgreementView }) {
  const { t, locale } = useI18n();
  const text = agreement.description?.[locale];
  return (
    <div data-testid="policy-description" data-locale={locale}>
      <Card title={t('contracts.agreement.policy')}>
        {text ? (
          <>
            <p className="policy-summary">{text.summary}</p>
            <PolicyRuleList kind="permission" title={t('contracts.agreement.permissions')} rules={text.permissions} />
            <PolicyRuleList kind="prohibition" title={t('contracts.agreement.prohibitions')} rules={text.prohibitions} />
            <PolicyRuleList kind="obligation" title={t('contracts.agreement.obligations')} rules={text.obligations} />
          </>
        ) : (
          <p className="muted">{t('contracts.agreement.policyMissing')}</p>
        )}
        <details className="decoded" open={!text}>
          <summary>{t('contracts.agreement.showPolicy')}</summary>
          <JsonBlock value={agreement.policy} />
        </details>
      </Card>
    </div>
  );
}
