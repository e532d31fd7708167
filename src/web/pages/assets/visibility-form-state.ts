import type { Visibility } from '../../api/catalog-types';
import { splitList } from './metadata-form-state';

export const visibilityScopes = ['public', 'members', 'restricted', 'named'] as const;
export type VisibilityScope = (typeof visibilityScopes)[number];

/** Who may find the entry in the catalog, as the chooser edits it (codes and ids as typed text). */
export interface VisibilityForm {
  scope: VisibilityScope;
  roles: string[];
  industries: string;
  regions: string;
  participants: string;
}

export function visibilityFormFrom(v: Visibility | undefined): VisibilityForm {
  const form: VisibilityForm = { scope: v?.scope ?? 'members', roles: [], industries: '', regions: '', participants: '' };
  if (v?.scope === 'restricted') return { ...form, roles: v.roles ?? [], industries: (v.industries ?? []).join(', '), regions: (v.regions ?? []).join(', ') };
  if (v?.scope === 'named') return { ...form, participants: v.participants.join('\n') };
  return form;
}

const codes = (text: string) => splitList(text.replace(/\s+/g, ','));

export function visibilityOf(form: VisibilityForm): Visibility {
  switch (form.scope) {
    case 'public':
      return { scope: 'public' };
    case 'members':
      return { scope: 'members' };
    case 'named':
      return { scope: 'named', participants: codes(form.participants) };
    case 'restricted': {
      const industries = codes(form.industries);
      const regions = codes(form.regions);
      return { scope: 'restricted', ...(form.roles.length ? { roles: form.roles } : {}), ...(industries.length ? { industries } : {}), ...(regions.length ? { regions } : {}) };
    }
  }
}
