import { Type } from 'typebox';

/**
 * Text a person reads as someone's name refuses control characters (C0, C1), format characters
 * (the bidirectional embeddings, overrides and isolates U+202A–202E and U+2066–2069, LRM/RLM,
 * zero-width characters) and line/paragraph separators: they let `admin\u202Egnp.exe`-style
 * names impersonate others in lists, logs and the ledger (issue 15).
 */
export const plainTextPattern = '^[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*$';

/** Login names: ASCII letters, digits and `._@-`; unique whatever their case. */
export const Username = Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9._@-]+$', description: 'Compared case-insensitively' });

export const DisplayName = Type.String({ minLength: 1, maxLength: 100, pattern: plainTextPattern, description: 'No control, format or bidirectional-override characters' });

export const PersonName = (description: string) => Type.String({ maxLength: 100, pattern: plainTextPattern, description });
