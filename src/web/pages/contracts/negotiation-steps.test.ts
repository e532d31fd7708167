import { describe, expect, it } from 'vitest';
import { negotiationSteps } from './negotiation-steps';

const shown = (state: Parameters<typeof negotiationSteps>[0]['state'], agreementId?: string) =>
  negotiationSteps({ state, ...(agreementId ? { agreementId } : {}) }).map((s) => `${s.state}:${s.status}`);

describe('negotiation steps', () => {
  it('walks the main path with the current state highlighted', () => {
    expect(shown(null)).toEqual(['REQUESTED:current', 'AGREED:todo', 'VERIFIED:todo', 'FINALIZED:todo']);
    expect(shown('AGREED', 'a')).toEqual(['REQUESTED:done', 'AGREED:current', 'VERIFIED:todo', 'FINALIZED:todo']);
    expect(shown('FINALIZED', 'a')).toEqual(['REQUESTED:done', 'AGREED:done', 'VERIFIED:done', 'FINALIZED:current']);
  });

  it('adds OFFERED and ACCEPTED while the negotiation is in them', () => {
    expect(shown('OFFERED')).toEqual(['REQUESTED:done', 'OFFERED:current', 'ACCEPTED:todo', 'AGREED:todo', 'VERIFIED:todo', 'FINALIZED:todo']);
    expect(shown('ACCEPTED')[2]).toBe('ACCEPTED:current');
  });

  it('ends in TERMINATED after what was certainly reached', () => {
    expect(shown('TERMINATED')).toEqual(['REQUESTED:done', 'AGREED:skipped', 'VERIFIED:skipped', 'FINALIZED:skipped', 'TERMINATED:failed']);
    expect(shown('TERMINATED', 'a').slice(0, 3)).toEqual(['REQUESTED:done', 'AGREED:done', 'VERIFIED:skipped']);
  });
});
