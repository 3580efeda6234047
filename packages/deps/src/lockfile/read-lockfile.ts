import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type Lockfile } from "./lockfile.js";
import { readPackageLock } from "./package-lock.js";
import { readPnpmLock } from "./pnpm-lock.js";
import { readYarnLock } from "./yarn-lock.js";

const READERS: Array<[string, (text: string, file: string) => Lockfile]> = [
  ["pnpm-lock.yaml", readPnpmLock],
  ["package-lock.json", readPackageLock],
  ["npm-shrinkwrap.json", readPackageLock],
  ["yarn.lock", readYarnLock],
];

/** Parsed lockfiles by path, kept while size and mtime stay the same (the editor asks on every keystroke). */
const parsed = new Map<string, { stamp: string; lockfile: Lockfile }>();

/** The lockfile in `dir`, if any; throws LockfileError when it exists but cannot be read. */
export function readLockfileIn(dir: string): Lockfile | undefined {
  for (const [name, reader] of READERS) {
    const file = path.join(dir, name);
    if (!existsSync(file)) continue;
    const stats = statSync(file);
    const stamp = `${stats.size}:${stats.mtimeMs}`;
    const known = parsed.get(file);
    if (known?.stamp === stamp) return known.lockfile;
    const lockfile = reader(readFileSync(file, "utf8"), name);
    parsed.set(file, { stamp, lockfile });
    return lockfile;
  }
  return undefined;
}

/** The nearest folder at or above `start` (not above `stop`'s filesystem root) holding a lockfile. */
export function findLockfileDir(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (READERS.some(([name]) => existsSync(path.join(dir, name)))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
