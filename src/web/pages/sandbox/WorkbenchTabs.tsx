import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';
import type { WorkbenchTab } from './workbench-state';

const tabs: ReadonlyArray<[WorkbenchTab, MessageKey]> = [
  ['sql', 'sandbox.tab.sql'],
  ['algorithm', 'sandbox.tab.algorithm'],
];

/** Two ways to compute: write SQL, or run one of the provider's registered algorithms. */
export function WorkbenchTabs({ current, onChange }: { current: WorkbenchTab; onChange(tab: WorkbenchTab): void }) {
  const { t } = useI18n();
  return (
    <div className="tabs" role="tablist" aria-label={t('sandbox.title')}>
      {tabs.map(([tab, label]) => (
        <button key={tab} type="button" role="tab" id={`sandbox-tab-${tab}`} aria-controls={`sandbox-panel-${tab}`} aria-selected={tab === current} className={tab === current ? 'tab active' : 'tab'} data-tab={tab} onClick={() => onChange(tab)}>
          {t(label)}
        </button>
      ))}
    </div>
  );
}
