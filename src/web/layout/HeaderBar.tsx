import type { ReactNode } from 'react';
import type { ConsoleInfo } from '../api/api-types';
import { useI18n } from '../i18n/use-i18n';
import { LanguageSwitch } from './LanguageSwitch';

/** The top bar: which space and node this is, then language and (when logged in) the user. */
export function HeaderBar({ info, children }: { info: ConsoleInfo; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <header className="header">
      <div className="header-space">
        <span className="node-badge">{t(info.node === 'operator' ? 'header.operatorNode' : 'header.connectorNode')}</span>
        <span className="space-name" title={info.origin}>{info.name}</span>
      </div>
      <div className="header-tools">
        <LanguageSwitch />
        {children}
      </div>
    </header>
  );
}
