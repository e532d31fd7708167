import type { ReactNode } from 'react';

/** An informational, success or warning notice inside a page. */
export function Banner({ tone, title, children }: { tone: 'info' | 'success' | 'warning'; title?: ReactNode; children?: ReactNode }) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'warning' ? 'alert' : 'status'}>
      <div className="banner-body">
        {title && <strong className="banner-title">{title}</strong>}
        {children && <div className="banner-detail">{children}</div>}
      </div>
    </div>
  );
}
