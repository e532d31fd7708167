import { describe, expect, it } from 'vitest';
import type { Directory } from '../api/directory-types';
import { nameBook } from './name-book';

const directory: Directory = {
  participants: [
    { id: 'p_utility', did: 'did:web:op.example:participants:p_utility', name: '省电力公司', status: 'approved' },
    { id: 'p_bank', did: 'did:web:op.example:participants:p_bank', name: '城市商业银行', status: 'approved' },
  ],
  users: [{ actor: 'user:u_1', name: '王审核' }],
};

describe('the name book', () => {
  it('names a participant by its DID, its DID with a key fragment, its id and the ledger’s participant:<id>', () => {
    const nameOf = nameBook(directory);
    expect(nameOf('did:web:op.example:participants:p_bank')).toEqual({ name: '城市商业银行', kind: 'participant' });
    expect(nameOf('did:web:op.example:participants:p_bank#key-1')?.name).toBe('城市商业银行');
    expect(nameOf('p_utility')?.name).toBe('省电力公司');
    expect(nameOf('participant:p_utility')?.name).toBe('省电力公司');
    expect(nameOf('applicant:p_utility')).toEqual({ name: '省电力公司', kind: 'applicant' });
  });

  it('names the operator’s reviewers by their display name', () => {
    expect(nameBook(directory)('user:u_1')).toEqual({ name: '王审核', kind: 'user' });
  });

  it('leaves unknown identifiers unnamed, and takes names learnt elsewhere', () => {
    expect(nameBook(directory)('did:web:elsewhere.example')).toBeUndefined();
    expect(nameBook(undefined)('p_bank')).toBeUndefined();
    expect(nameBook(undefined, { 'did:web:self': '本单位' })('did:web:self')?.name).toBe('本单位');
  });
});
