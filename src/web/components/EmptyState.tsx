import type { ReactNode } from 'react';

export function EmptyState({ title, hint, action }: { title: ReactNode; hint?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <svg className="empty-icon" viewBox="0 0 64 41" aria-hidden="true">
        <g fill="none" fillRule="evenodd" transform="translate(0 1)">
          <ellipse cx="32" cy="33" fill="#f0f0f0" rx="32" ry="7" />
          <path stroke="#d9d9d9" fill="#fafafa" d="M55 12.8 44.9 1.3A2.5 2.5 0 0 0 43 .5H21a2.5 2.5 0 0 0-1.9.8L9 12.8V22h46z" />
          <path stroke="#d9d9d9" fill="#fff" d="M41.6 15.9c0-1.6 1-2.9 2.2-2.9H55v18.1c0 2.1-1.3 3.9-3 3.9H12c-1.7 0-3-1.8-3-3.9V13h11.2c1.2 0 2.2 1.3 2.2 2.9 0 1.6 1 2.9 2.2 2.9h14.8c1.2 0 2.2-1.3 2.2-2.9z" />
        </g>
      </svg>
      <p className="empty-title">{title}</p>
      {hint && <p className="empty-hint">{hint}</p>}
      {action}
    </div>
  );
}
