import { shorten } from '../format/format-bytes';

/** A hash, DID or token in monospace, shortened unless `full`; hovering shows all of it. */
export function HashText({ value, full }: { value: string; full?: boolean }) {
  return (
    <code className={full ? 'mono mono-wrap' : 'mono'} title={value}>
      {full ? value : shorten(value)}
    </code>
  );
}
