import { useCodeList } from '../api/code-lists-api';
import { useI18n } from '../i18n/use-i18n';
import { CodePicker } from './CodePicker';

/** GB/T 2260 regions by name (provinces, and the prefectures and districts the connector names). */
export function RegionPicker({ id, name, value, onChange }: { id: string; name: string; value: readonly string[]; onChange(codes: string[]): void }) {
  const { t } = useI18n();
  const list = useCodeList('regions');
  return <CodePicker id={id} name={name} choices={list.data?.items ?? []} value={value} onChange={onChange} addLabel={t('picker.addRegion')} />;
}
