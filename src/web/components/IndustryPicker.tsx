import { useCodeList } from '../api/code-lists-api';
import { useI18n } from '../i18n/use-i18n';
import { CodePicker } from './CodePicker';

/** GB/T 4754 sections (门类) and divisions (大类) by name. */
export function IndustryPicker({ id, name, value, onChange }: { id: string; name: string; value: readonly string[]; onChange(codes: string[]): void }) {
  const { t } = useI18n();
  const list = useCodeList('industries');
  return <CodePicker id={id} name={name} choices={list.data?.items ?? []} value={value} onChange={onChange} addLabel={t('picker.addIndustry')} />;
}
