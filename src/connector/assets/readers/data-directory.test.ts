import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveWithin } from './data-directory.js';
import { aTempDir, removeTempDirs } from './reader-fixtures.js';

afterEach(removeTempDirs);

async function aDataDirectory(): Promise<{ root: string; outside: string }> {
  const root = await realpath(await aTempDir());
  await mkdir(path.join(root, 'uploads', '2024'), { recursive: true });
  await writeFile(path.join(root, 'uploads', '2024', 'sales.csv'), 'a\n1\n');
  const outside = await realpath(await aTempDir());
  await writeFile(path.join(outside, 'secret.csv'), 'password\nhunter2\n');
  return { root, outside };
}

describe('resolveWithin', () => {
  it('resolves a relative path inside the data directory, also through .. that stays inside', async () => {
    const { root } = await aDataDirectory();
    const expected = path.join(root, 'uploads', '2024', 'sales.csv');
    expect(resolveWithin(root, 'uploads/2024/sales.csv')).toBe(expected);
    expect(resolveWithin(root, 'uploads/other/../2024/sales.csv')).toBe(expected);
  });

  it('resolves a file that does not exist yet to where it would be', async () => {
    const { root } = await aDataDirectory();
    expect(resolveWithin(root, 'uploads/new/later.csv')).toBe(path.join(root, 'uploads', 'new', 'later.csv'));
  });

  it.each(['../secret.csv', 'uploads/../../secret.csv', '..', '/etc/passwd', 'C:\\Windows\\win.ini', 'a\0b'])('refuses %j', async (relative) => {
    const { root } = await aDataDirectory();
    expect(() => resolveWithin(root, relative)).toThrow(expect.objectContaining({ name: 'SourceReadError', rule: 'source.refused' }));
  });

  it('refuses a symbolic link that leads out of the data directory, to a file or through a directory', async () => {
    const { root, outside } = await aDataDirectory();
    await symlink(path.join(outside, 'secret.csv'), path.join(root, 'uploads', 'innocent.csv'));
    await symlink(outside, path.join(root, 'uploads', 'elsewhere'));
    for (const relative of ['uploads/innocent.csv', 'uploads/elsewhere/secret.csv', 'uploads/elsewhere/not-yet.csv']) {
      expect(() => resolveWithin(root, relative)).toThrow(expect.objectContaining({ rule: 'source.refused' }));
    }
  });

  it('follows a symbolic link that stays inside, to its real path', async () => {
    const { root } = await aDataDirectory();
    await symlink(path.join(root, 'uploads', '2024'), path.join(root, 'latest'));
    expect(resolveWithin(root, 'latest/sales.csv')).toBe(path.join(root, 'uploads', '2024', 'sales.csv'));
  });

  it('accepts a root given through a symbolic link', async () => {
    const { root } = await aDataDirectory();
    const alias = path.join(await aTempDir(), 'data');
    await symlink(root, alias);
    expect(resolveWithin(alias, 'uploads/2024/sales.csv')).toBe(path.join(root, 'uploads', '2024', 'sales.csv'));
  });
});
