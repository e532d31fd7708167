import { Card } from '../../components/Card';
import { DescriptionList } from '../../components/DescriptionList';
import { useI18n } from '../../i18n/use-i18n';
import type { SandboxRules } from '../../api/sandbox-types';

/** 使用规则: what the agreement lets out of the sandbox, in words. */
export function RulesCard({ rules }: { rules: SandboxRules }) {
  const { t, formatNumber } = useI18n();
  const dp = rules.differentialPrivacy;
  return (
    <div data-testid="sandbox-rules">
      <Card title={t('sandbox.rules.title')}>
        <DescriptionList
          items={[
            { label: t('sandbox.rules.output'), value: <span data-rule="aggregate-only">{rules.aggregateOnly ? t('sandbox.rules.aggregateOnly') : t('sandbox.rules.rowsAllowed')}</span>, wide: true },
            { label: t('sandbox.rules.k'), value: <span data-rule="k">{rules.k > 1 ? t('sandbox.rules.kValue', { k: rules.k }) : t('sandbox.rules.kNone')}</span>, wide: true },
            { label: t('sandbox.rules.review'), value: <span data-rule="review">{rules.review === 'manual' ? t('sandbox.rules.reviewManual') : t('sandbox.rules.reviewAuto')}</span>, wide: true },
            { label: t('sandbox.rules.maxRows'), value: <span data-rule="max-rows">{t('sandbox.rules.maxRowsValue', { n: formatNumber(rules.maxRows) })}</span>, wide: true },
            {
              label: t('sandbox.rules.dp'),
              value: dp ? (
                <span data-rule="dp">
                  {t('sandbox.rules.dpValue', { mechanism: dp.mechanism === 'gaussian' ? t('sandbox.rules.gaussian') : dp.mechanism === 'laplace' ? t('sandbox.rules.laplace') : dp.mechanism, budget: formatNumber(dp.budget), spent: formatNumber(dp.spent) })}
                  <br />
                  <strong data-testid="dp-left">{t('sandbox.rules.dpLeft', { left: formatNumber(dp.left) })}</strong>
                </span>
              ) : (
                <span data-rule="dp">{t('sandbox.rules.dpNone')}</span>
              ),
              wide: true,
            },
          ]}
        />
      </Card>
    </div>
  );
}
