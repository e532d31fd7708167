import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/api-error';
import { login } from '../../api/auth-api';
import { sessionStore } from '../../auth/session-store';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormField } from '../../components/FormField';
import { useI18n } from '../../i18n/use-i18n';
import { navigate } from '../../router/history-store';
import { paths } from '../../router/routes';

export function PasswordLoginForm({ next }: { next?: string }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);

  const mutation = useMutation({
    mutationFn: () => login({ username, password, ...(needsTotp && totp ? { totp } : {}) }),
    onSuccess: (result) => {
      sessionStore.set({ kind: 'user', token: result.token, expiresAt: result.expiresAt, user: result.user });
      navigate(next ?? paths.home, { replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'auth.totp-required') setNeedsTotp(true);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  // The first "code required" answer is a prompt, not a failure: show the code field instead.
  const promptOnly = isApiError(mutation.error) && mutation.error.code === 'auth.totp-required' && !totp;

  return (
    <form className="form-vertical" onSubmit={submit} noValidate>
      {mutation.error && !promptOnly && <ErrorBanner error={mutation.error} />}
      <FormField label={t('login.username')} htmlFor="login-username" required>
        <input id="login-username" name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
      </FormField>
      <FormField label={t('login.password')} htmlFor="login-password" required>
        <input id="login-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </FormField>
      {needsTotp && (
        <FormField label={t('login.totp')} htmlFor="login-totp" required hint={t('login.totpHint')}>
          <input id="login-totp" name="totp" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6,8}" maxLength={8} value={totp} onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))} autoFocus required />
        </FormField>
      )}
      <button type="submit" className="btn btn-primary btn-block" disabled={mutation.isPending || !username || !password || (needsTotp && totp.length < 6)}>
        {mutation.isPending ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
