import { StatusTag, type TagTone } from '../../components/StatusTag';
import { classificationCode, classificationLabels } from '../../i18n/catalog-labels';
import { useLabel } from '../../i18n/use-label';

const tones: Record<string, TagTone> = {
  core: 'red',
  important: 'orange',
  'general-4': 'gold',
  'general-3': 'blue',
  'general-2': 'green',
  'general-1': 'green',
};

/** The GB/T 43697 label (核心数据, 重要数据, 一般数据 N 级), coloured by how much protection it asks. */
export function ClassificationTag({ classification }: { classification?: { level: string; grade?: number } }) {
  const label = useLabel();
  if (!classification) return null;
  const code = classificationCode(classification);
  return (
    <StatusTag tone={tones[code] ?? 'grey'} value={code}>
      {label(classificationLabels, code)}
    </StatusTag>
  );
}
