import { participantRoles } from '../../api/api-types';
import { FormField } from '../../components/FormField';
import { visibilityScopeLabels } from '../../i18n/asset-labels';
import { roleLabels } from '../../i18n/labels';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import { visibilityScopes, type VisibilityForm } from './visibility-form-state';

const scopeHints: Record<VisibilityForm['scope'], MessageKey> = {
  public: 'assets.visibility.hint.public',
  members: 'assets.visibility.hint.members',
  restricted: 'assets.visibility.hint.restricted',
  named: 'assets.visibility.hint.named',
};

/** 可见范围: who finds the entry in the catalog; the operator applies it to every search and count. */
export function VisibilityChooser({ value, onChange }: { value: VisibilityForm; onChange(value: VisibilityForm): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const set = (change: Partial<VisibilityForm>) => onChange({ ...value, ...change });
  const toggleRole = (role: string) => set({ roles: value.roles.includes(role) ? value.roles.filter((r) => r !== role) : [...value.roles, role] });
  return (
    <>
      <FormField label={t('catalog.entry.visibility')} required hint={t(scopeHints[value.scope])}>
        <div className="checks-row" role="radiogroup" aria-label={t('catalog.entry.visibility')}>
          {visibilityScopes.map((scope) => (
            <label key={scope} className="check-option">
              <input type="radio" name="visibility" value={scope} checked={value.scope === scope} onChange={() => set({ scope })} />
              {label(visibilityScopeLabels, scope)}
            </label>
          ))}
        </div>
      </FormField>
      {value.scope === 'restricted' && (
        <>
          <FormField label={t('review.filter.role')}>
            <div className="checks-row">
              {participantRoles.map((role) => (
                <label key={role} className="check-option">
                  <input type="checkbox" name="visibility-role" value={role} checked={value.roles.includes(role)} onChange={() => toggleRole(role)} />
                  {label(roleLabels, role)}
                </label>
              ))}
            </div>
          </FormField>
          <FormField label={t('catalog.facet.industry')} htmlFor="visibility-industries" hint={t('assets.visibility.industriesHint')}>
            <input id="visibility-industries" name="industries" value={value.industries} onChange={(e) => set({ industries: e.target.value })} />
          </FormField>
          <FormField label={t('catalog.facet.region')} htmlFor="visibility-regions" hint={t('assets.visibility.regionsHint')}>
            <input id="visibility-regions" name="regions" inputMode="numeric" value={value.regions} onChange={(e) => set({ regions: e.target.value })} />
          </FormField>
        </>
      )}
      {value.scope === 'named' && (
        <FormField label={t('assets.visibility.participants')} htmlFor="visibility-participants" required hint={t('assets.visibility.participantsHint')}>
          <textarea id="visibility-participants" name="participants" rows={3} spellCheck={false} value={value.participants} onChange={(e) => set({ participants: e.target.value })} />
        </FormField>
      )}
    </>
  );
}
