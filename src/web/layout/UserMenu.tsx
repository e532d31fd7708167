import { useQueryClient } from '@tanstack/react-query';
import { logout } from '../auth/session-actions';
import type { Session } from '../auth/session-store';
import { shorten } from '../format/format-bytes';
import { staffRoleLabels } from '../i18n/labels';
import { useI18n } from '../i18n/use-i18n';
import { useLabel } from '../i18n/use-label';
import { navigate } from '../router/history-store';
import { paths } from '../router/routes';

export function UserMenu({ session }: { session: Session }) {
  const { t } = useI18n();
  const label = useLabel();
  const queryClient = useQueryClient();
  const name = session.kind === 'user' ? session.user.displayName || session.user.username : t('header.apiKey', { key: shorten(session.token, 8, 4) });
  const roles = session.kind === 'user' ? session.user.roles.map((r) => label(staffRoleLabels, r)).join(t('common.listSeparator')) : undefined;
  const kind = session.kind === 'user' ? t(session.user.kind === 'operator' ? 'header.operatorStaff' : 'header.participantUser') : undefined;
  const signOut = async () => {
    await logout(queryClient);
    navigate(paths.login, { replace: true });
  };
  return (
    <div className="user-menu">
      <span className="avatar" aria-hidden="true">{name.slice(0, 1).toUpperCase()}</span>
      <span className="user-text">
        <span className="user-name" data-testid="current-user">{name}</span>
        {(kind || roles) && <span className="user-roles">{[kind, roles].filter(Boolean).join(' · ')}</span>}
      </span>
      <button type="button" className="btn btn-link" onClick={() => void signOut()}>
        {t('header.logout')}
      </button>
    </div>
  );
}
