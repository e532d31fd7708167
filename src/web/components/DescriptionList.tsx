import type { ReactNode } from 'react';

export interface Description {
  label: ReactNode;
  value: ReactNode;
  /** Spans both columns (long values: DIDs, hashes). */
  wide?: boolean;
}

export function DescriptionList({ items }: { items: Description[] }) {
  return (
    <dl className="descriptions">
      {items.map((item, i) => (
        <div key={i} className={item.wide ? 'descriptions-item wide' : 'descriptions-item'}>
          <dt>{item.label}</dt>
          <dd>{item.value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
