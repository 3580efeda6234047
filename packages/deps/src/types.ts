/** What one import statement (or require / dynamic import / re-export) asks of a package. */
export interface ImportUse {
  /** Repo-relative POSIX path of the importing file. */
  file: string;
  line: number;
  column: number;
  /** The specifier as written, e.g. "uuid/v4" or "node:fs". */
  specifier: string;
  kind: "import" | "re-export" | "require" | "dynamic-import" | "import-equals";
  typeOnly: boolean;
  /** Named exports asked for (`import { a }`, `export { a } from`, `const { a } = require()`). */
  names: NameUse[];
  /** Members read through a namespace/default/require binding: `ns.x` (binding "*") or `def.x` (binding "default"). */
  members: MemberUse[];
}

export interface NameUse {
  name: string;
  line: number;
  column: number;
  typeOnly: boolean;
}

/** `owner` is "*" (namespace), "default", or `new X()` / `x()` instance of the named export X (`instance: true`). */
export interface MemberUse {
  owner: string;
  instance: boolean;
  member: string;
  line: number;
  column: number;
}

/** The API of one module (one subpath) of one package version. */
export interface ModuleSurface {
  /** Named exports, types included; "default" when there is a default export or `export =`. */
  exports: string[];
  /** True when the list could not be enumerated (e.g. `module.exports = build()`): nothing is reported. */
  open: boolean;
  /** Export name → property names of its value (members read through `ns.x.y` / `def.y`); absent = unknown. */
  staticMembers: Record<string, string[]>;
  /** Export name → members of instances it creates (`new X()`, or what a factory returns); absent = unknown. */
  instanceMembers: Record<string, string[]>;
  /** Exports whose `instanceMembers` are what calling them returns (factories, like mongoose's `model`). */
  factories?: string[];
  /** "name", "name.member" or "name#member" → @deprecated text. */
  deprecated: Record<string, string>;
  /** Where the surface came from: "d.ts", "@types/x@1.2.3" or "js". */
  from: string;
  /**
   * Values the declarations (from @types) list but the package's own JS does not export: fine in a type
   * position, undefined at run time.
   */
  notAtRuntime?: string[];
  /** Same keys as `deprecated` → a doc sentence saying what it replaces ("Renamed from `X`."). */
  replacementNotes?: Record<string, string>;
  /** Modules of other packages whose `export *` this surface includes, as "name@version" (for messages). */
  reexportsFrom?: string[];
}

/** A package version's surface: its subpaths and the modules computed so far. */
export interface PackageSurface {
  name: string;
  version: string;
  /** How the surface was computed (the store's SURFACE_FORMAT); older cached entries are recomputed. */
  format?: number;
  /** Subpath ("." or "./x") → module surface, or null when the package does not provide the subpath. */
  modules: Record<string, ModuleSurface | null>;
  /** The subpaths the `exports` map lists, for messages; undefined when there is no exports map. */
  exportedSubpaths?: string[];
  /** Lines of the package's changelog that say what replaced something (evidence for messages). */
  changelog?: { file: string; notes: string[] };
}

export type DiagnosticCode =
  | "lockfile-missing"
  | "lockfile-broken"
  | "manifest-broken"
  | "registry-not-found"
  | "registry-error"
  | "registry-timeout"
  | "packument-malformed"
  | "tarball-corrupt"
  | "offline-unchecked"
  | "surface-failed"
  | "parse-error";

export interface DepsDiagnostic {
  code: DiagnosticCode;
  message: string;
  path?: string;
  line?: number;
}

export type FindingKind =
  | "removed"
  | "not-yet"
  | "deprecated"
  | "bad-path"
  | "undeclared"
  | "nonexistent"
  | "suspicious-name"
  | "below-range-minimum"
  | "unknown-export"
  | "builtin-too-new";

export interface DepsFinding {
  ruleId: "no-version-mismatched-api" | "no-unknown-package";
  kind: FindingKind;
  message: string;
  severity: "error" | "warning";
  file: string;
  line: number;
  column: number;
  package: string;
  pinned?: string;
  data: Record<string, unknown>;
}
