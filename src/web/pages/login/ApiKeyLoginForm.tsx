import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { checkApiKey } from '../../api/auth-api';
import { sessionStore } from '../../auth/session-store';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormField } from '../../components/FormField';
import { useI18n } from '../../i18n/use-i18n';
import { navigate } from '../../router/history-store';
import { paths } from '../../router/routes';

/** A connector has no user accounts: its API key is checked by reading the connector's identity. */
export function ApiKeyLoginForm({ next }: { next?: string }) {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const mutation = useMutation({
    mutationFn: () => checkApiKey(key.trim()),
    onSuccess: () => {
      sessionStore.set({ kind: 'apiKey', token: key.trim() });
      navigate(next ?? paths.home, { replace: true });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form className="form-vertical" onSubmit={submit} noValidate>
      {mutation.error && <ErrorBanner error={mutation.error} />}
      <FormField label={t('login.apiKey')} htmlFor="login-api-key" required hint={t('login.apiKeyHint')}>
        <input id="login-api-key" name="apiKey" type="password" autoComplete="off" spellCheck={false} value={key} onChange={(e) => setKey(e.target.value)} required />
      </FormField>
      <button type="submit" className="btn btn-primary btn-block" disabled={mutation.isPending || !key.trim()}>
        {mutation.isPending ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
