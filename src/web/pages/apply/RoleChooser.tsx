import { participantRoles, serviceKinds, type ParticipantRole } from '../../api/api-types';
import { FormField } from '../../components/FormField';
import { roleLabels, serviceKindLabels } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

const toggle = <T,>(list: T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

/** The roles asked for; a data service provider also names its kinds of service. */
export function RoleChooser({ roles, kinds, onRoles, onKinds, rolesError, kindsError }: { roles: ParticipantRole[]; kinds: string[]; onRoles(roles: ParticipantRole[]): void; onKinds(kinds: string[]): void; rolesError?: string; kindsError?: string }) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <>
      <FormField label={t('apply.roles')} required error={rolesError} hint={t('apply.rolesHint')}>
        <div className="checks-row" role="group" aria-label={t('apply.roles')}>
          {participantRoles.map((role) => (
            <label key={role} className="check-option">
              <input type="checkbox" name="roles" value={role} checked={roles.includes(role)} onChange={() => onRoles(toggle(roles, role))} />
              {label(roleLabels, role)}
            </label>
          ))}
        </div>
      </FormField>
      {roles.includes('serviceProvider') && (
        <FormField label={t('apply.serviceKinds')} required error={kindsError}>
          <div className="checks-row" role="group" aria-label={t('apply.serviceKinds')}>
            {serviceKinds.map((kind) => (
              <label key={kind} className="check-option">
                <input type="checkbox" name="serviceKinds" value={kind} checked={kinds.includes(kind)} onChange={() => onKinds(toggle(kinds, kind))} />
                {label(serviceKindLabels, kind)}
              </label>
            ))}
          </div>
        </FormField>
      )}
    </>
  );
}
