import { scanField } from '../metadata/pii-detection.js';
import type { PiiKind } from '../metadata/data-dictionary.js';
import { isCommitment } from './personal-commitment.js';

export interface PersonalDataFinding {
  /** JSON Pointer into the payload. */
  pointer: string;
  kind: PiiKind;
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Finds personal information in an evidence payload, with the same detector the catalog review
 * uses on sample data (core/metadata/pii-detection): each scalar is checked by its own value and
 * its member name (a `phone` member holding a mobile number, an identity number anywhere).
 * Declared personal fields must hold a commitment (or null) and are reported otherwise; their
 * commitments are not scanned. Iterative: payloads are depth-limited, but this walk need not be.
 */
export function screenPayloadForPersonalData(payload: unknown, personalFields: readonly string[], today: Date): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  const stack: Array<[unknown, string, string]> = [[payload, '', '']];
  while (stack.length > 0) {
    const [value, pointer, name] = stack.pop()!;
    const declared = pointer.split('/').length === 2 && personalFields.includes(name);
    if (declared) {
      if (value !== null && !isCommitment(value)) findings.push({ pointer, kind: 'other' });
      continue;
    }
    if (typeof value === 'object' && value !== null) {
      const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
      // Array items are named after their array, so `phones: [...]` is read as phones.
      for (const [key, child] of entries) stack.push([child, `${pointer}/${escape(key)}`, Array.isArray(value) ? name : key]);
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    if (isCommitment(value)) continue;
    const scan = scanField(name, [value], { today, threshold: 1 });
    if (scan.pii) findings.push({ pointer, kind: scan.pii.kind });
  }
  return findings.sort((a, b) => (a.pointer < b.pointer ? -1 : 1));
}
