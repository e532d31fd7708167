import { useQuery } from '@tanstack/react-query';
import { useVerifierKey } from '../../api/ledger-api';
import { Card } from '../../components/Card';
import { DescriptionList } from '../../components/DescriptionList';
import { StatusTag } from '../../components/StatusTag';
import { bytesToHex } from '../../ledger/bytes';
import type { CheckpointNote } from '../../ledger/checkpoint-note';
import { verifyNoteSignature, type SignatureOutcome } from '../../ledger/note-signature';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';

const signatureText: Record<SignatureOutcome, MessageKey> = {
  valid: 'ledger.signature.valid',
  invalid: 'ledger.signature.invalid',
  'no-matching-key': 'ledger.signature.noKey',
  unsupported: 'ledger.signature.unsupported',
};
const signatureTone = { valid: 'green', invalid: 'red', 'no-matching-key': 'red', unsupported: 'grey' } as const;

/** The latest signed checkpoint, line by line, and whether its signature matches the published key. */
export function CheckpointCard({ note, raw, onRefresh, refreshing }: { note: CheckpointNote; raw: string; onRefresh(): void; refreshing: boolean }) {
  const { t, formatNumber } = useI18n();
  const key = useVerifierKey();
  const signature = useQuery({
    queryKey: ['ledger', 'signature', raw, key.data],
    queryFn: () => verifyNoteSignature(note, key.data ?? ''),
    enabled: Boolean(key.data),
    staleTime: Infinity,
  });
  return (
    <Card
      title={t('ledger.checkpoint')}
      extra={
        <button type="button" className="btn btn-small" onClick={onRefresh} disabled={refreshing}>
          {t('common.refresh')}
        </button>
      }
    >
      <DescriptionList
        items={[
          { label: t('ledger.origin'), value: <code className="mono" data-testid="checkpoint-origin">{note.origin}</code> },
          { label: t('ledger.size'), value: <span data-testid="checkpoint-size">{formatNumber(note.size)}</span> },
          { label: t('ledger.rootHash'), value: <code className="mono mono-wrap" data-testid="checkpoint-root">{note.rootBase64}</code>, wide: true },
          { label: t('ledger.rootHashHex'), value: <code className="mono mono-wrap small">{bytesToHex(note.rootHash)}</code>, wide: true },
          ...note.extensions.map((line, i) => ({ label: t('ledger.extension', { n: i + 1 }), value: <code className="mono">{line}</code>, wide: true })),
          { label: t('ledger.signatureLine'), value: <code className="mono mono-wrap small">{note.signatures[0]?.line}</code>, wide: true },
          {
            label: t('ledger.signatureCheck'),
            wide: true,
            value: signature.data ? (
              <StatusTag tone={signatureTone[signature.data]}>{t(signatureText[signature.data])}</StatusTag>
            ) : (
              <span className="muted">{key.isError ? t('ledger.signature.keyUnavailable') : t('common.loading')}</span>
            ),
          },
        ]}
      />
      {key.data && <p className="muted small">{t('ledger.verifierKey')}: <code className="mono mono-wrap">{key.data.trim()}</code></p>}
    </Card>
  );
}
