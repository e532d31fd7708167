import { describe, expect, it } from 'vitest';
import { fieldPointers } from './application-form-state';
import { placeFieldErrors } from './field-errors';

describe('field errors from problem+json', () => {
  it('go next to the input with the longest matching pointer, the rest to the banner', () => {
    const placed = placeFieldErrors(
      [
        { pointer: '/legalRepresentative/idNumber', detail: 'bad check digit' },
        { pointer: '/documents/0/content', detail: 'too large' },
        { pointer: '/roles/1', detail: 'unknown role' },
        { pointer: '/name', detail: 'empty' },
        { pointer: '/name', detail: 'too long' },
        { pointer: '/', detail: 'whole body' },
      ],
      fieldPointers,
    );
    expect(placed.byField).toEqual({ legalIdNumber: 'bad check digit', documents: 'too large', roles: 'unknown role', name: 'empty；too long' });
    expect(placed.unplaced).toEqual([{ pointer: '/', detail: 'whole body' }]);
  });
});
