import { usePolicyDescription } from '../../api/policies-api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/use-i18n';
import { PolicyRuleList } from '../contracts/PolicyRuleList';
import type { PolicyJson } from './policy-json';

/** The offer in words, in the console's language, as the connector will have the consumer read it. */
export function PolicyPreview({ index, policy }: { index: number; policy: PolicyJson }) {
  const { t, locale } = useI18n();
  const described = usePolicyDescription(policy);
  const text = described.data?.description[locale];
  return (
    <section className="policy-preview" data-testid={`policy-description-${index}`} data-locale={locale} data-state={described.error ? 'invalid' : described.isFetching ? 'loading' : 'ready'} aria-live="polite">
      <h4 className="subheading">{t('policy.inWords')}</h4>
      {described.error ? (
        <ErrorBanner error={described.error} />
      ) : text ? (
        <>
          <p className="policy-summary">{text.summary}</p>
          <PolicyRuleList kind="permission" title={t('contracts.agreement.permissions')} rules={text.permissions} />
          <PolicyRuleList kind="prohibition" title={t('contracts.agreement.prohibitions')} rules={text.prohibitions} />
          <PolicyRuleList kind="obligation" title={t('contracts.agreement.obligations')} rules={text.obligations} />
        </>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </section>
  );
}
