/**
 * The transfer formats this connector's data plane serves (DSP `format`): how the data moves, and
 * the delivery channel (`deliveryChannel`) a policy sees for it.
 */
export const transferFormats = {
  /** The consumer downloads with an EDR token (ranged, resumable). */
  'HttpData-PULL': { channel: 'download', push: false, accessMode: 'download' },
  /** The provider sends the file to the consumer's endpoint. */
  'HttpData-PUSH': { channel: 'download', push: true, accessMode: 'download' },
  /** Each call to the provider's HTTP API asset goes through the data plane. */
  'HttpProxy-PULL': { channel: 'api', push: false, accessMode: 'api' },
} as const;

export type TransferFormat = keyof typeof transferFormats;
export const isTransferFormat = (value: string): value is TransferFormat => Object.hasOwn(transferFormats, value);
