import { importerChain, LockfileError, type Lockfile } from "./lockfile.js";

interface PackageLockJson {
  lockfileVersion?: number;
  packages?: Record<string, { version?: string; link?: boolean; name?: string }>;
  dependencies?: Record<string, { version?: string }>;
}

/** package-lock.json / npm-shrinkwrap.json, v1 (dependencies tree) and v2/v3 (packages map by install path). */
export function readPackageLock(text: string, file: string): Lockfile {
  let lock: PackageLockJson;
  try {
    lock = JSON.parse(text) as PackageLockJson;
  } catch (error) {
    throw new LockfileError(`${file} is not valid JSON (${(error as Error).message})`);
  }
  if (typeof lock !== "object" || lock === null || (!lock.packages && !lock.dependencies)) {
    throw new LockfileError(`${file} has neither "packages" nor "dependencies"`);
  }
  const names = new Set<string>();
  const packages = lock.packages;
  if (packages) {
    for (const key of Object.keys(packages)) {
      const at = key.lastIndexOf("node_modules/");
      if (at !== -1) names.add(key.slice(at + "node_modules/".length));
    }
    return {
      file,
      format: `package-lock v${lock.lockfileVersion ?? 2}`,
      has: (name) => names.has(name),
      resolve(importer, name) {
        // Node's lookup: the importer's own node_modules, then each parent folder's.
        for (const folder of importerChain(importer)) {
          const entry = packages[folder ? `${folder}/node_modules/${name}` : `node_modules/${name}`];
          if (entry?.version && !entry.link) return entry.version;
        }
        return undefined;
      },
    };
  }
  const dependencies = lock.dependencies ?? {};
  for (const name of Object.keys(dependencies)) names.add(name);
  return {
    file,
    format: "package-lock v1",
    has: (name) => names.has(name),
    resolve: (_importer, name) => dependencies[name]?.version?.replace(/^npm:.*@/, ""),
  };
}
