/** The versions a lockfile pins, asked per importer (the folder of a package.json, relative to the lockfile). */
export interface Lockfile {
  /** File name as found, e.g. "package-lock.json". */
  file: string;
  format: string;
  /** The pinned version of `name` for the package.json in `importer` ("" for the lockfile's own folder). */
  resolve(importer: string, name: string, range: string | undefined): string | undefined;
  /** Every package name the lockfile knows (for "is it installed at all"). */
  has(name: string): boolean;
}

export class LockfileError extends Error {}

/** Strips pnpm's peer suffix `(react@18.2.0)` and build hash: `1.2.3(x@1)` → `1.2.3`. */
export function plainVersion(version: string): string {
  return version.replace(/\(.*$/, "").replace(/_.*$/, "");
}

/** `importer`'s ancestors, nearest first, ending with "" (the lockfile's folder). */
export function importerChain(importer: string): string[] {
  const chain: string[] = [];
  let current = importer.replace(/^\.\/?/, "").replace(/\/$/, "");
  while (current) {
    chain.push(current);
    const slash = current.lastIndexOf("/");
    current = slash === -1 ? "" : current.slice(0, slash);
  }
  chain.push("");
  return chain;
}
