import type { ReactNode } from 'react';

export function Card({ title, extra, children, className }: { title?: ReactNode; extra?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`card${className ? ` ${className}` : ''}`}>
      {(title || extra) && (
        <header className="card-header">
          {title && <h2 className="card-title">{title}</h2>}
          {extra && <div className="card-extra">{extra}</div>}
        </header>
      )}
      <div className="card-body">{children}</div>
    </section>
  );
}
