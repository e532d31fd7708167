import type { ReactNode } from 'react';
import type { ConsoleInfo } from '../api/api-types';
import { useI18n } from '../i18n/use-i18n';
import { HeaderBar } from './HeaderBar';

/** Pages without login (sign-in, application form): header and a centred column. */
export function PublicFrame({ info, children, wide }: { info: ConsoleInfo; children: ReactNode; wide?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="public">
      <HeaderBar info={info} />
      <main className={wide ? 'public-main wide' : 'public-main'}>{children}</main>
      <footer className="public-footer">{t('app.footer')}</footer>
    </div>
  );
}
