import { useState } from 'react';
import { policyTemplates, usePolicyTemplate, type PolicyTemplate } from '../../api/policies-api';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';
import type { PolicyView } from './policy-form-state';
import type { PolicyJson } from './policy-json';

const templateLabels: Record<PolicyTemplate, MessageKey> = {
  'sandbox-aggregate': 'policy.template.sandbox-aggregate',
  'time-limited-download': 'policy.template.time-limited-download',
  'api-access': 'policy.template.api-access',
  'open-data': 'policy.template.open-data',
  'members-only': 'policy.template.members-only',
};

/** How each template delivers the data, so the offer's access mode follows the template. */
const templateModes: Partial<Record<PolicyTemplate, string>> = { 'sandbox-aggregate': 'sandbox', 'time-limited-download': 'download', 'api-access': 'api' };

/**
 * Starts the policy from one of the connector's templates. The template takes the purposes and k
 * already chosen, or plain defaults the provider then changes field by field.
 */
export function PolicyTemplateChooser({ index, uid, view, onApply }: { index: number; uid: string; view: PolicyView; onApply(policy: PolicyJson, accessMode?: string): void }) {
  const { t } = useI18n();
  const [template, setTemplate] = useState<PolicyTemplate>('sandbox-aggregate');
  const build = usePolicyTemplate();
  const purposes = view.values.purpose;
  const k = Number(view.values.k);
  const apply = () =>
    build.mutate(
      { template, uid, purposes: Array.isArray(purposes) && purposes.length ? purposes : ['scientific-research'], ...(Number.isInteger(k) && k >= 2 ? { k } : {}) },
      { onSuccess: ({ policy }) => onApply(policy, templateModes[template]) },
    );
  return (
    <div className="inline-fields policy-template">
      <select name={`policy-template-${index}`} aria-label={t('policy.template')} value={template} onChange={(e) => setTemplate(e.target.value as PolicyTemplate)}>
        {policyTemplates.map((name) => <option key={name} value={name}>{t(templateLabels[name])}</option>)}
      </select>
      <button type="button" className="btn btn-small" data-action={`apply-template-${index}`} disabled={build.isPending} onClick={apply}>
        {t('policy.applyTemplate')}
      </button>
      {build.error && <ErrorBanner error={build.error} />}
    </div>
  );
}
