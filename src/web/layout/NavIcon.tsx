import type { NavItem } from './nav-items';

const shapes: Record<NavItem['icon'], string> = {
  review: 'M9 11l3 3 8-8M20 12v7a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h9',
  profile: 'M3 21h18M5 21V7l7-4 7 4v14M9 10h1M14 10h1M9 14h1M14 14h1M10 21v-3h4v3',
  credential: 'M4 5h16v14H4zM8 10h5M8 14h8M16 8.5a1.5 1.5 0 1 0 0 .01',
  ledger: 'M12 2l8 4v6c0 5-3.5 8.5-8 10-4.5-1.5-8-5-8-10V6zM9 12l2 2 4-4',
  identity: 'M15 7a3 3 0 1 1-6 0 3 3 0 0 1 6 0zM5 21v-2a5 5 0 0 1 5-5h4a5 5 0 0 1 5 5v2',
  catalog: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM17 14a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM19.2 19.2 21 21',
  catalogReview: 'M8 4h8M6 4H5a1 1 0 0 0-1 1v15a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1V5a1 1 0 0 0-1-1h-1M9 3h6v3H9zM8 14l3 3 5-6',
  catalogMine: 'M12 3v12M7 8l5-5 5 5M4 15v4a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-4',
  negotiation: 'M7 8h10M7 8l3-3M17 16H7M17 16l-3 3M4 4v16M20 4v16',
  agreement: 'M6 3h9l4 4v14H6zM15 3v4h4M9 11h7M9 15h4M14 19l1.5-2 1.5 2',
  sandbox: 'M4 5h16v11H4zM8 20h8M12 16v4M8 9l2 2-2 2M12.5 13H16',
  sandboxReview: 'M4 5h16v11H4zM8 20h8M12 16v4M8.5 10.5l2 2 4-4',
  dashboard: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  assets: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
};

export function NavIcon({ icon }: { icon: NavItem['icon'] }) {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d={shapes[icon]} />
    </svg>
  );
}
