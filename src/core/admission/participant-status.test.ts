import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/index.js';
import { allowedActions, participantStatuses, reviewActions, transition, type ParticipantStatus, type ReviewAction } from './participant-status.js';

const expected: Record<ParticipantStatus, Partial<Record<ReviewAction, ParticipantStatus>>> = {
  submitted: { 'start-review': 'under_review', revoke: 'revoked' },
  under_review: { approve: 'approved', reject: 'rejected', revoke: 'revoked' },
  approved: { suspend: 'suspended', revoke: 'revoked' },
  rejected: { resubmit: 'submitted', revoke: 'revoked' },
  suspended: { reinstate: 'approved', revoke: 'revoked' },
  revoked: {},
};

describe('participant review workflow', () => {
  for (const status of participantStatuses) {
    for (const action of reviewActions) {
      const to = expected[status][action];
      if (to) {
        it(`${action} from ${status} leads to ${to}`, () => expect(transition(status, action)).toBe(to));
      } else {
        it(`refuses ${action} from ${status} with a conflict`, () => {
          expect(() => transition(status, action)).toThrow(DomainError);
          try {
            transition(status, action);
          } catch (error) {
            expect((error as DomainError).code).toBe('participant.transition-invalid');
          }
        });
      }
    }
  }

  it('lists exactly the actions each status allows', () => {
    for (const status of participantStatuses) {
      expect(allowedActions(status).sort()).toEqual(Object.keys(expected[status]).sort());
    }
  });

  it('makes revoked final', () => expect(allowedActions('revoked')).toEqual([]));
});
