export { checkDependencies, defaultCacheDir, SEED_CACHE_DIR, type DepsOptions, type DepsResult } from "./run-deps.js";
export type { DepsDiagnostic, DepsFinding, FindingKind, ImportUse, ModuleSurface, PackageSurface } from "./types.js";
export { extractImports, splitSpecifier } from "./imports/extract-imports.js";
export { readLockfileIn, findLockfileDir } from "./lockfile/read-lockfile.js";
export { LockfileError, type Lockfile } from "./lockfile/lockfile.js";
export { DiskCache } from "./disk-cache.js";
export { DEFAULT_RECENT_DAYS } from "./check/suspicious-name.js";
