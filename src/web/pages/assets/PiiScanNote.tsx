import type { PiiScanField } from '../../api/asset-types';
import { piiKindLabels } from '../../i18n/catalog-labels';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

/** What the connector's scan of the sample found in this field (counts only), against what is declared. */
export function PiiScanNote({ scan, declared }: { scan: PiiScanField | undefined; declared: string }) {
  const { t } = useI18n();
  const label = useLabel();
  if (!scan?.pii) return null;
  const percent = Math.round(scan.matchRatio * 100);
  const differs = scan.pii.kind !== declared;
  return (
    <p className={differs ? 'pii-note pii-note-differs small' : 'pii-note small muted'} data-detected={scan.pii.kind}>
      {t(scan.pii.sensitive ? 'assets.dictionary.detectedSensitive' : 'assets.dictionary.detected', { kind: label(piiKindLabels, scan.pii.kind), percent })}
    </p>
  );
}
