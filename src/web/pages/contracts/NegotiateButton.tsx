import { useState } from 'react';
import type { DspOffer } from '../../api/catalog-types';
import { useI18n } from '../../i18n/use-i18n';
import { NegotiateDialog } from './NegotiateDialog';

/** 协商合约: the action beside each live offer of a catalog entry (connector console). */
export function NegotiateButton({ entryId, offer }: { entryId: string; offer: DspOffer }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-primary btn-small" data-action="negotiate" onClick={() => setOpen(true)}>{t('contracts.negotiate.button')}</button>
      {open && <NegotiateDialog entryId={entryId} offer={offer} onClose={() => setOpen(false)} />}
    </>
  );
}
