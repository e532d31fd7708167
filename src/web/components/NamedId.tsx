import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/use-i18n';
import { useNames } from '../names/use-names';
import { HashText } from './HashText';

/**
 * An organisation, person or resource by its name, with its identifier one click away: the
 * `ID` button shows the DID, URN or code in full with a copy button. Without a known name the
 * identifier itself is shown, as before. `name` overrides the directory (a resource's title);
 * `children` shows it otherwise (a link).
 */
export function NamedId({ id, name, full, children }: { id: string; name?: string; full?: boolean; children?: ReactNode }) {
  const { t } = useI18n();
  const nameOf = useNames();
  const known = name ?? nameOf(id)?.name;
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  if (!known) return <HashText value={id} full={full} />;
  const copy = () => void navigator.clipboard?.writeText(id).then(() => setCopied(true), () => setCopied(false));
  return (
    <span className="named-id" data-id={id}>
      <span className="named-id-name" title={id}>{children ?? known}</span>
      <button type="button" className="named-id-toggle" aria-expanded={open} aria-label={t('names.showId', { name: known })} onClick={() => setOpen(!open)}>ID</button>
      {open && (
        <span className="named-id-value">
          <code className="mono mono-wrap">{id}</code>
          <button type="button" className="btn-link small" onClick={copy}>{copied ? t('common.copied') : t('common.copy')}</button>
        </span>
      )}
    </span>
  );
}
