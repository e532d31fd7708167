import type { ReactNode } from 'react';
import { IndustryPicker } from '../../components/IndustryPicker';
import { RegionPicker } from '../../components/RegionPicker';
import { accessModeLabels } from '../../i18n/catalog-labels';
import { roleLabels } from '../../i18n/labels';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';
import type { FieldValue, PolicyField, PolicyView } from './policy-form-state';
import { PurposePicker } from './PurposePicker';

/** `2026-12-31T23:59:59+08:00` as a datetime-local input shows it; a date alone as its midnight. */
const localValue = (value: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? value.slice(0, 16) : /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00` : '');

/** What a datetime-local input gives, as an xsd:dateTime in the browser's own zone. */
function zoned(local: string): string {
  if (!local) return '';
  const offset = -new Date(local).getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const list = (value: FieldValue | undefined): string[] => (Array.isArray(value) ? value : value ? [value] : []);
const text = (value: FieldValue | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

/** The constraints and duties the editor models, each as a field; empty removes it from the policy. */
export function PolicyFields({ index, view, onField, onDeleteWithin, onAttribution }: {
  index: number;
  view: PolicyView;
  onField(field: PolicyField, value: FieldValue): void;
  onDeleteWithin(period: string): void;
  onAttribution(on: boolean): void;
}) {
  const { t } = useI18n();
  const label = useLabel();
  const v = view.values;
  const id = (field: string) => `policy-${field}-${index}`;
  const row = (field: string, title: MessageKey, control: ReactNode, hint?: MessageKey) => (
    <div className="policy-field" data-policy-field={field}>
      <label className="field-label" htmlFor={id(field)}>{t(title)}</label>
      <div className="field-control">{control}{hint && <p className="field-hint">{t(hint)}</p>}</div>
    </div>
  );
  const input = (field: PolicyField, type: string, extra: Record<string, unknown> = {}) => (
    <input id={id(field)} name={id(field)} type={type} className="input-narrow" value={text(v[field])} onChange={(e) => onField(field, e.target.value)} {...extra} />
  );
  const roles = list(v.roles);
  return (
    <div className="policy-fields">
      {row('purpose', 'policy.field.purpose', <PurposePicker index={index} value={list(v.purpose)} onChange={(p) => onField('purpose', p)} />)}
      {row('validFrom', 'policy.field.validFrom', <input id={id('validFrom')} name={id('validFrom')} type="datetime-local" value={localValue(text(v.validFrom))} onChange={(e) => onField('validFrom', zoned(e.target.value))} />)}
      {row('validUntil', 'policy.field.validUntil', <input id={id('validUntil')} name={id('validUntil')} type="datetime-local" value={localValue(text(v.validUntil))} onChange={(e) => onField('validUntil', zoned(e.target.value))} />)}
      {row('useWithin', 'policy.field.useWithin', input('useWithin', 'text', { placeholder: 'P90D', maxLength: 40 }), 'policy.hint.duration')}
      {row('maxUses', 'policy.field.maxUses', input('maxUses', 'number', { min: 1, step: 1 }))}
      {row('regions', 'policy.field.regions', <RegionPicker id={id('regions')} name={id('regions')} value={list(v.regions)} onChange={(c) => onField('regions', c)} />)}
      {row('industries', 'policy.field.industries', <IndustryPicker id={id('industries')} name={id('industries')} value={list(v.industries)} onChange={(c) => onField('industries', c)} />)}
      {row('roles', 'policy.field.roles', (
        <div className="choice-grid" role="group">
          {Object.keys(roleLabels).map((role) => (
            <label key={role} className="choice">
              <input type="checkbox" name={id('roles')} value={role} checked={roles.includes(role)} onChange={(e) => onField('roles', e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))} />
              {label(roleLabels, role)}
            </label>
          ))}
        </div>
      ))}
      {row('k', 'policy.field.k', input('k', 'number', { min: 2, step: 1 }), 'policy.hint.k')}
      {row('epsilon', 'policy.field.epsilon', input('epsilon', 'number', { min: 0, step: 0.1 }), 'policy.hint.epsilon')}
      {row('channel', 'policy.field.channel', (
        <select id={id('channel')} name={id('channel')} value={text(v.channel)} onChange={(e) => onField('channel', e.target.value)}>
          <option value="">{t('policy.channel.any')}</option>
          {Object.keys(accessModeLabels).map((m) => <option key={m} value={m}>{label(accessModeLabels, m)}</option>)}
          {text(v.channel) && !Object.hasOwn(accessModeLabels, text(v.channel)) && <option value={text(v.channel)}>{text(v.channel)}</option>}
        </select>
      ))}
      {row('deleteWithin', 'policy.field.deleteWithin', <input id={id('deleteWithin')} name={id('deleteWithin')} className="input-narrow" placeholder="P30D" maxLength={40} value={view.deleteWithin ?? ''} onChange={(e) => onDeleteWithin(e.target.value)} />, 'policy.hint.duration')}
      {row('attribution', 'policy.field.attribution', (
        <label className="choice">
          <input id={id('attribution')} type="checkbox" name={id('attribution')} checked={view.attribution} onChange={(e) => onAttribution(e.target.checked)} />
          {t('policy.attributionDuty')}
        </label>
      ))}
    </div>
  );
}
