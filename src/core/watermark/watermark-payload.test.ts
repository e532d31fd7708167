import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';
import { aPayload } from './fixtures/tabular-fixtures.js';
import { decodeMark, encodeMark, WatermarkPayloadError } from './watermark-payload.js';

describe('watermark payload', () => {
  it('computes the standard CRC-32 (check value of "123456789" is CBF43926)', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips UUID, urn:uuid and short agreement ids and long DIDs', () => {
    for (const agreementId of ['6f1c2a9e-3b47-4d0a-9c15-8e2f7a60b3d4', 'urn:uuid:6f1c2a9e-3b47-4d0a-9c15-8e2f7a60b3d4', 'agr-7', '6F1C2A9E-3B47-4D0A-9C15-8E2F7A60B3D4']) {
      const payload = aPayload({ agreementId, consumer: `did:web:example.cn:participants:${'x'.repeat(180)}` });
      expect(decodeMark(encodeMark(payload))).toEqual(payload);
    }
  });

  it('stores a lowercase UUID in 16 bytes', () => {
    // version + (kind + 16 bytes) + (kind + length + the DID's bytes) + CRC
    expect(encodeMark(aPayload()).length).toBe(1 + 17 + 2 + aPayload().consumer.length + 4);
  });

  it('refuses a mark whose CRC does not hold, whatever byte changed', () => {
    const mark = encodeMark(aPayload());
    for (let i = 0; i < mark.length; i++) {
      const damaged = mark.slice();
      damaged[i] = damaged[i]! ^ 0x10;
      expect(decodeMark(damaged)).toBeUndefined();
    }
  });

  it('refuses empty fields and fields over 255 bytes', () => {
    expect(() => encodeMark(aPayload({ agreementId: '' }))).toThrow(WatermarkPayloadError);
    expect(() => encodeMark(aPayload({ consumer: 'did:web:' + '长'.repeat(90) }))).toThrow(WatermarkPayloadError);
  });
});
