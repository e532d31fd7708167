import { base64ToBytes } from './bytes';

/** A C2SP signed note holding a tlog checkpoint, split into the parts the console shows. */
export interface CheckpointNote {
  /** The signed text: origin, size, root hash and any extension lines, newline-terminated. */
  text: string;
  origin: string;
  size: number;
  /** The root hash as the note spells it (base64). */
  rootBase64: string;
  rootHash: Uint8Array;
  extensions: string[];
  signatures: NoteSignature[];
}

export interface NoteSignature {
  /** The whole line, `— <name> <base64(key id || signature)>`. */
  line: string;
  name: string;
  keyIdHex: string;
  signature: Uint8Array;
}

const signaturePrefix = '\u2014 ';

export class CheckpointParseError extends Error {
  override name = 'CheckpointParseError';
}

/**
 * Parses `origin\nsize\nbase64(root)\n[extensions]\n\n— name sig\n…` strictly enough that what the
 * console shows is what was signed: the text ends at the last blank line, the size is a canonical
 * decimal and the root decodes to 32 bytes.
 */
export function parseCheckpointNote(note: string): CheckpointNote {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new CheckpointParseError('no signature block');
  const text = note.slice(0, split + 1);
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new CheckpointParseError('fewer than three lines');
  const [origin = '', sizeText = '', rootBase64 = '', ...extensions] = lines;
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) throw new CheckpointParseError(`bad size ${sizeText}`);
  const rootHash = base64ToBytes(rootBase64);
  if (!rootHash || rootHash.length !== 32) throw new CheckpointParseError('root hash is not 32 bytes of base64');

  const signatures: NoteSignature[] = [];
  for (const line of note.slice(split + 2).split('\n')) {
    if (line === '') continue;
    if (!line.startsWith(signaturePrefix)) throw new CheckpointParseError('signature line without em dash');
    const [name = '', blobText = ''] = line.slice(signaturePrefix.length).split(' ');
    const blob = base64ToBytes(blobText);
    if (!blob || blob.length <= 4) throw new CheckpointParseError('bad signature line');
    const keyIdHex = Array.from(blob.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join('');
    signatures.push({ line, name, keyIdHex, signature: blob.subarray(4) });
  }
  if (signatures.length === 0) throw new CheckpointParseError('no signature');
  return { text, origin, size: Number(sizeText), rootBase64, rootHash, extensions, signatures };
}
