import type { PolicyRuleText } from '../../api/contract-types';
import { useI18n } from '../../i18n/use-i18n';

/**
 * One kind of rule in words (允许 / 禁止 / 义务), each with its conditions and duties. The connector's
 * sentence usually names them already; those it does not are listed beneath it.
 */
export function PolicyRuleList({ kind, title, rules }: { kind: 'permission' | 'prohibition' | 'obligation'; title: string; rules: PolicyRuleText[] }) {
  const { t } = useI18n();
  if (rules.length === 0) return null;
  return (
    <section className="policy-rules" data-rules={kind}>
      <h3 className="subheading">{title}</h3>
      <ul className="policy-rule-list">
        {rules.map((rule, i) => {
          const conditions = rule.conditions.filter((c) => !rule.text.includes(c));
          const duties = rule.duties.filter((d) => !rule.text.includes(d));
          return (
            <li key={i} className={`policy-rule policy-rule-${kind}`} data-conditions={rule.conditions.length} data-duties={rule.duties.length}>
              <p className="policy-rule-text">{rule.text}</p>
              {conditions.length > 0 && (
                <div className="policy-rule-part">
                  <span className="muted">{t('contracts.agreement.conditions')}:</span>
                  <ul>{conditions.map((c, j) => <li key={j}>{c}</li>)}</ul>
                </div>
              )}
              {duties.length > 0 && (
                <div className="policy-rule-part">
                  <span className="muted">{t('contracts.agreement.duties')}:</span>
                  <ul>{duties.map((d, j) => <li key={j}>{d}</li>)}</ul>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
