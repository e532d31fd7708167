export type WorkbenchTab = 'sql' | 'algorithm';

/** The workbench's state kept in the address: `?agreement=…&tab=algorithm&job=…`. */
export interface WorkbenchState {
  agreement: string;
  tab: WorkbenchTab;
  job: string;
}

export function readWorkbenchState(search: URLSearchParams): WorkbenchState {
  return { agreement: search.get('agreement') ?? '', tab: search.get('tab') === 'algorithm' ? 'algorithm' : 'sql', job: search.get('job') ?? '' };
}

export function workbenchSearch({ agreement, tab, job }: WorkbenchState): string {
  const search = new URLSearchParams();
  if (agreement) search.set('agreement', agreement);
  if (tab !== 'sql') search.set('tab', tab);
  if (job) search.set('job', job);
  const text = search.toString();
  return text ? `?${text}` : '';
}
