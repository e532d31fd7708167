import type { ParticipantRecord } from '../../src/core/admission/participant-record.js';

let serial = 0;

/** The GB 32100 check character, computed here so fixtures need no copied codes. */
export function withUsccCheck(first17: string): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((acc, c, i) => acc + charset.indexOf(c) * weights[i]!, 0);
  return first17 + charset[(31 - (sum % 31)) % 31];
}

/** The GB 11643 check character (ISO 7064 MOD 11-2). */
export function withIdCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, c, i) => acc + Number(c) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A fresh valid USCC registered in `region` (Zhengzhou, 410100, by default), different on every call. */
export function aUscc(authority = '9', category = '1', region = '410100'): string {
  serial += 1;
  return withUsccCheck(`${authority}${category}${region}${String(10_000_000 + serial * 7919).slice(-8)}0`);
}

/** A valid application body for POST /api/v1/participants/applications. */
export function anApplication(overrides: Record<string, unknown> = {}) {
  return {
    name: '测试数据有限公司',
    uscc: aUscc(),
    legalRepresentative: { name: '张三', idNumber: withIdCheck('41010519800101123') },
    contact: { name: '李四', phone: '13812345678', email: 'contact@example.cn' },
    region: '410100',
    industry: 'I65',
    roles: ['provider', 'consumer'],
    ...overrides,
  };
}

/** A stored participant record as the registry would write it (ciphers are opaque strings here). */
export function aParticipantRecord(overrides: Partial<ParticipantRecord> = {}): ParticipantRecord {
  serial += 1;
  const at = new Date(Date.UTC(2026, 10, 1, 0, 0, serial)).toISOString();
  return {
    id: `p_test${serial}`,
    status: 'submitted',
    name: `测试单位 ${serial}`,
    uscc: aUscc(),
    legalRepresentative: { name: '张三', idNumberCipher: 'v1.cipher', idNumberMasked: '410105********1234' },
    contact: { name: '李四', phoneCipher: 'v1.cipher', phoneMasked: '138****5678', email: 'a@example.cn' },
    region: '410100',
    industry: { section: 'I', division: '65' },
    roles: ['provider'],
    serviceKinds: [],
    did: null,
    verification: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}
