import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/api-error';
import type { ApplicationCreated } from '../../api/api-types';
import { useSubmitApplication } from '../../api/participants-api';
import { CodeSelect } from '../../components/CodeSelect';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/use-i18n';
import { emptyApplication, fieldPointers, toApplicationInput, type ApplicationFormState, type FieldName } from './application-form-state';
import { DocumentPicker } from './DocumentPicker';
import { placeFieldErrors } from './field-errors';
import { RoleChooser } from './RoleChooser';
import { TextField } from './TextField';

/** 申请入驻: the organisation, its people, roles, documents and (optionally) a first account. */
export function ApplicationForm({ onCreated }: { onCreated(created: ApplicationCreated, hasAccount: boolean): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<ApplicationFormState>(emptyApplication);
  const mutation = useSubmitApplication();
  const problems = isApiError(mutation.error) ? mutation.error.errors : [];
  const { byField, unplaced } = placeFieldErrors(problems, fieldPointers);

  const set = <K extends keyof ApplicationFormState>(key: K) => (value: ApplicationFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (name: FieldName & keyof ApplicationFormState, label: string, extra: { required?: boolean; hint?: string; type?: string; inputMode?: 'numeric' | 'email' | 'tel'; autoComplete?: string; maxLength?: number } = {}) => (
    <TextField id={name} label={label} value={form[name] as string} onValue={set(name) as (v: string) => void} error={byField[name]} {...extra} />
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(toApplicationInput(form), { onSuccess: (created) => onCreated(created, Boolean(form.username.trim())) });
  };

  return (
    <form className="card apply-form" onSubmit={submit} noValidate>
      <div className="card-body">
        {mutation.error && <ErrorBanner error={mutation.error} fields={unplaced} />}
        <fieldset>
          <legend>{t('apply.section.organisation')}</legend>
          {text('name', t('participant.name'), { required: true, maxLength: 200 })}
          {text('uscc', t('participant.uscc'), { required: true, hint: t('apply.usccHint'), maxLength: 18 })}
          {text('region', t('participant.region'), { required: true, hint: t('apply.regionHint'), inputMode: 'numeric', maxLength: 6 })}
          <CodeSelect id="region-picker" list="regions" value={form.region} onChange={set('region')} label={t('picker.chooseRegion')} />
          {text('industry', t('participant.industry'), { required: true, hint: t('apply.industryHint'), maxLength: 5 })}
          <CodeSelect id="industry-picker" list="industries" value={form.industry} onChange={set('industry')} label={t('picker.chooseIndustry')} />
        </fieldset>
        <fieldset>
          <legend>{t('apply.section.people')}</legend>
          {text('legalName', t('participant.legalRepresentative'), { required: true })}
          {text('legalIdNumber', t('participant.idNumber'), { required: true, hint: t('apply.idNumberHint'), maxLength: 18 })}
          {text('contactName', t('participant.contact'), { required: true })}
          {text('contactPhone', t('participant.phone'), { required: true, inputMode: 'tel', type: 'tel' })}
          {text('contactEmail', t('participant.email'), { required: true, inputMode: 'email', type: 'email' })}
        </fieldset>
        <fieldset>
          <legend>{t('apply.section.roles')}</legend>
          <RoleChooser roles={form.roles} kinds={form.serviceKinds} onRoles={set('roles')} onKinds={set('serviceKinds')} rolesError={byField.roles} kindsError={byField.serviceKinds} />
          <DocumentPicker documents={form.documents} onChange={set('documents')} error={byField.documents} />
        </fieldset>
        <fieldset>
          <legend>{t('apply.section.account')}</legend>
          <p className="muted small">{t('apply.accountHint')}</p>
          {text('username', t('login.username'), { autoComplete: 'username', maxLength: 64 })}
          {text('password', t('login.password'), { type: 'password', autoComplete: 'new-password', hint: t('apply.passwordHint') })}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('common.submitting') : t('apply.submit')}
          </button>
        </div>
      </div>
    </form>
  );
}
