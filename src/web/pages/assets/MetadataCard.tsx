import { Card } from '../../components/Card';
import { useI18n } from '../../i18n/use-i18n';
import { DescriptionFields } from './DescriptionFields';
import type { MetadataForm } from './metadata-form-state';
import { TermsFields } from './TermsFields';

/** 元数据: the catalog description the operator's review checks (title, description, licence and contact are required). */
export function MetadataCard({ form, onChange }: { form: MetadataForm; onChange(change: (form: MetadataForm) => MetadataForm): void }) {
  const { t } = useI18n();
  const set = <K extends keyof MetadataForm>(key: K, value: MetadataForm[K]) => onChange((f) => ({ ...f, [key]: value }));
  return (
    <Card title={t('catalog.entry.metadata')} className="asset-metadata">
      <DescriptionFields form={form} set={set} />
      <TermsFields form={form} set={set} />
    </Card>
  );
}
