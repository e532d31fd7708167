import { JsonBlock } from '../../components/JsonBlock';
import { useI18n } from '../../i18n/use-i18n';
import type { OfferForm } from './offer-form-state';
import { plainPolicy, readPolicy, setAttribution, setDeleteWithin, setField } from './policy-form-state';
import type { PolicyJson } from './policy-json';
import { PolicyFields } from './PolicyFields';
import { PolicyPreview } from './PolicyPreview';
import { PolicyTemplateChooser } from './PolicyTemplateChooser';

/**
 * 使用策略: an offer's ODRL policy, started from a template and changed constraint by constraint,
 * shown in words before it is published. What the editor does not model is listed and kept as it
 * is; an offer without a policy is published with the plain one shown here.
 */
export function PolicyEditor({ index, assetId, offer, onChange }: { index: number; assetId: string; offer: OfferForm; onChange(change: Partial<OfferForm>): void }) {
  const { t } = useI18n();
  const uid = `urn:tds:offer:${assetId}:${offer.id}`;
  const policy = offer.policy ?? plainPolicy(uid);
  const view = readPolicy(policy);
  const edit = (next: PolicyJson) => onChange({ policy: next });
  return (
    <div className="policy-editor" data-testid={`policy-editor-${index}`}>
      <div className="policy-editor-head">
        <PolicyTemplateChooser index={index} uid={uid} view={view} onApply={(p, accessMode) => onChange({ policy: p, ...(accessMode ? { accessMode } : {}) })} />
        {!offer.policy && <p className="muted small">{t('policy.plain')}</p>}
        {view.action && <p className="muted small">{t('policy.action', { action: view.action })}</p>}
      </div>
      {view.editable ? (
        <PolicyFields
          index={index}
          view={view}
          onField={(field, value) => edit(setField(policy, field, value))}
          onDeleteWithin={(period) => edit(setDeleteWithin(policy, period))}
          onAttribution={(on) => edit(setAttribution(policy, on))}
        />
      ) : (
        <p className="muted" data-testid={`policy-not-editable-${index}`}>{t('policy.notEditable')}</p>
      )}
      {(view.others.length > 0 || view.otherRules > 0) && (
        <details className="policy-kept" data-testid={`policy-kept-${index}`} data-kept={view.others.length}>
          <summary>{t('policy.kept', { constraints: view.others.length, rules: view.otherRules })}</summary>
          <JsonBlock value={view.others} />
        </details>
      )}
      <PolicyPreview index={index} policy={policy} />
      <details className="decoded">
        <summary>{t('policy.showJson')}</summary>
        <JsonBlock value={policy} />
      </details>
    </div>
  );
}
