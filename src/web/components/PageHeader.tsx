import type { ReactNode } from 'react';

export function PageHeader({ title, subtitle, extra, breadcrumb }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode; breadcrumb?: ReactNode }) {
  return (
    <div className="page-header">
      {breadcrumb && <div className="breadcrumb">{breadcrumb}</div>}
      <div className="page-header-row">
        <div>
          <h1 className="page-title">{title}</h1>
          {subtitle && <p className="page-subtitle">{subtitle}</p>}
        </div>
        {extra && <div className="page-header-extra">{extra}</div>}
      </div>
    </div>
  );
}
