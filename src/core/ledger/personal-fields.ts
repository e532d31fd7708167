import { relayRuleOf } from './relayable-entry-types.js';

/**
 * Personal fields of the entries the operator writes itself. An account's username, roles and
 * organisation identify a person; the public ledger proves the account was created, and by
 * whom, without listing them.
 */
const operatorWritten: Readonly<Record<string, readonly string[]>> = {
  'account.user-created': ['username', 'roles', 'participantId'],
  'account.api-key-created': ['label'],
};

/** Top-level payload members of an entry type that are recorded as salted commitments. */
export function personalFieldsOf(type: string): readonly string[] {
  return relayRuleOf(type)?.personalFields ?? (Object.hasOwn(operatorWritten, type) ? operatorWritten[type]! : []);
}
