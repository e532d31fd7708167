import fs from 'node:fs';
import path from 'node:path';
import { SourceReadError } from './asset-reader.js';

/**
 * The absolute path of `relative` inside the data directory `root`, for a file source. Refused
 * (`source.refused`): an absolute path, a NUL byte, `..` that leaves the root, and a symbolic
 * link (anywhere on the way) that leads out of it. An existing file comes back as its real path,
 * so what is opened is what was checked; a missing one as where it would be (the reader then
 * says `source.not-found`). A missing root is `source.not-found`.
 */
export function resolveWithin(root: string, relative: string): string {
  if (relative.includes('\0')) throw refused(relative);
  if (path.isAbsolute(relative) || path.win32.isAbsolute(relative)) throw refused(relative);
  const realRoot = realpathOrNotFound(root);
  const candidate = path.resolve(realRoot, relative);
  if (!isInside(realRoot, candidate)) throw refused(relative);
  // Symbolic links: the real path of the nearest part that exists must stay inside too.
  let existing = candidate;
  let rest = '';
  for (;;) {
    try {
      const real = fs.realpathSync(existing);
      if (!isInside(realRoot, real)) throw refused(relative);
      return rest ? path.join(real, rest) : real;
    } catch (error) {
      if (error instanceof SourceReadError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw refused(relative);
      if (existing === realRoot) throw refused(relative); // the root vanished under us
      rest = rest ? path.join(path.basename(existing), rest) : path.basename(existing);
      existing = path.dirname(existing);
    }
  }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

function realpathOrNotFound(root: string): string {
  try {
    return fs.realpathSync(root);
  } catch {
    throw new SourceReadError('source.not-found', 'the data directory does not exist');
  }
}

function refused(relative: string): SourceReadError {
  return new SourceReadError('source.refused', `${JSON.stringify(relative)} is not a path inside the data directory`);
}
