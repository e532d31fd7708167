import { StatusTag, type TagTone } from '../../components/StatusTag';
import { agreementStatusLabels, negotiationStateLabels, transferStateLabels } from '../../i18n/contract-labels';
import type { MessageKey } from '../../i18n/messages';
import { useLabel } from '../../i18n/use-label';
import { useI18n } from '../../i18n/use-i18n';

const tones: Record<string, TagTone> = {
  REQUESTED: 'blue',
  OFFERED: 'purple',
  ACCEPTED: 'blue',
  AGREED: 'blue',
  VERIFIED: 'blue',
  FINALIZED: 'green',
  STARTED: 'green',
  SUSPENDED: 'gold',
  COMPLETED: 'grey',
  TERMINATED: 'red',
  pending: 'orange',
  active: 'green',
  revoked: 'red',
  terminated: 'grey',
};

const tables = {
  negotiation: [negotiationStateLabels, 'contracts.negotiationState.starting'],
  transfer: [transferStateLabels, 'contracts.transferState.starting'],
  agreement: [agreementStatusLabels, 'contracts.negotiationState.starting'],
} as const satisfies Record<string, readonly [Record<string, MessageKey>, MessageKey]>;

/** A negotiation's or transfer's DSP state, or an agreement's status, as a coloured label (null: starting). */
export function ContractStateTag({ kind, value }: { kind: keyof typeof tables; value: string | null }) {
  const { t } = useI18n();
  const label = useLabel();
  const [table, starting] = tables[kind];
  return (
    <StatusTag value={value ?? 'starting'} tone={value ? (tones[value] ?? 'grey') : 'orange'}>
      {value ? label(table, value) : t(starting)}
    </StatusTag>
  );
}
