import { describe, expect, it } from 'vitest';
import { canSee, canonicalVisibility, regionAncestry, type Viewer } from './catalog-visibility.js';

function aViewer(overrides: Partial<Extract<Viewer, { kind: 'participant' }>> = {}): Viewer {
  return { kind: 'participant', participantId: 'p_bank', admitted: true, roles: ['consumer'], industries: ['J', 'J66'], region: '410105', ...overrides };
}

describe('catalog visibility', () => {
  it('shows public entries to anyone, members entries to admitted participants only', () => {
    expect(canSee({ scope: 'public' }, aViewer({ admitted: false }), 'p_grid')).toBe(true);
    expect(canSee({ scope: 'members' }, aViewer(), 'p_grid')).toBe(true);
    expect(canSee({ scope: 'members' }, aViewer({ admitted: false }), 'p_grid')).toBe(false);
  });

  it('shows a named entry to the participants named, and always to its provider and to overseers', () => {
    const rule = { scope: 'named' as const, participants: ['p_bank'] };
    expect(canSee(rule, aViewer(), 'p_grid')).toBe(true);
    expect(canSee(rule, aViewer({ participantId: 'p_other' }), 'p_grid')).toBe(false);
    expect(canSee(rule, aViewer({ participantId: 'p_grid', admitted: false }), 'p_grid')).toBe(true);
    expect(canSee(rule, { kind: 'overseer' }, 'p_grid')).toBe(true);
    // A suspended participant loses what it was named for.
    expect(canSee(rule, aViewer({ admitted: false }), 'p_grid')).toBe(false);
  });

  it('requires every dimension of a restricted rule, any value within one; a province covers its cities', () => {
    expect(canSee({ scope: 'restricted', industries: ['J'], regions: ['410000'] }, aViewer(), 'p_grid')).toBe(true);
    expect(canSee({ scope: 'restricted', industries: ['J66'], roles: ['consumer', 'provider'] }, aViewer(), 'p_grid')).toBe(true);
    expect(canSee({ scope: 'restricted', industries: ['J'], regions: ['330000'] }, aViewer(), 'p_grid')).toBe(false);
    expect(canSee({ scope: 'restricted', roles: ['provider'] }, aViewer(), 'p_grid')).toBe(false);
    expect(canSee({ scope: 'restricted', regions: ['410100'] }, aViewer(), 'p_grid')).toBe(true);
    expect(canSee({ scope: 'restricted', regions: ['410102'] }, aViewer(), 'p_grid')).toBe(false);
  });

  it('expands a region to its prefecture and province', () => {
    expect(regionAncestry('410105')).toEqual(['410105', '410100', '410000']);
    expect(regionAncestry('410000')).toEqual(['410000']);
  });

  it('gives equal rules one text form whatever the order or repetition of their lists', () => {
    expect(canonicalVisibility({ scope: 'restricted', regions: ['410000', '330000', '410000'], roles: [] })).toBe(canonicalVisibility({ scope: 'restricted', regions: ['330000', '410000'] }));
    expect(canonicalVisibility({ scope: 'named', participants: ['b', 'a'] })).toBe('{"scope":"named","participants":["a","b"]}');
  });
});
