import type { ReactNode } from 'react';

export type TagTone = 'blue' | 'orange' | 'green' | 'red' | 'gold' | 'grey' | 'purple';

const toneByValue: Record<string, TagTone> = {
  submitted: 'blue',
  under_review: 'orange',
  approved: 'green',
  rejected: 'red',
  suspended: 'gold',
  revoked: 'grey',
  active: 'green',
  pass: 'green',
  fail: 'red',
  unavailable: 'grey',
};

/** A coloured status label; `value` picks the colour, `children` is the translated text. */
export function StatusTag({ value, tone, children }: { value?: string; tone?: TagTone; children: ReactNode }) {
  const resolved = tone ?? (value ? toneByValue[value] : undefined) ?? 'grey';
  return (
    <span className={`tag tag-${resolved}`} data-status={value}>
      {children}
    </span>
  );
}
