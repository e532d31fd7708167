import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';

export type RegisterTab = 'upload' | 'connect';
const tabs: ReadonlyArray<[RegisterTab, MessageKey]> = [
  ['upload', 'assets.new.tab.upload'],
  ['connect', 'assets.new.tab.connect'],
];

/** The two ways to register a resource: upload a file, or connect a table or an HTTP API. */
export function RegisterTabs({ current, onChange }: { current: RegisterTab; onChange(tab: RegisterTab): void }) {
  const { t } = useI18n();
  return (
    <div className="tabs" role="tablist" aria-label={t('assets.new.title')}>
      {tabs.map(([tab, label]) => (
        <button key={tab} type="button" role="tab" id={`tab-${tab}`} aria-controls={`panel-${tab}`} aria-selected={tab === current} className={tab === current ? 'tab active' : 'tab'} onClick={() => onChange(tab)}>
          {t(label)}
        </button>
      ))}
    </div>
  );
}
