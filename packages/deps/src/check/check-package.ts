import semver from "semver";
import type { Packument } from "../registry/registry-client.js";
import { isUnavailable, type SurfaceStore } from "../surface/surface-store.js";
import type { DepsDiagnostic, DepsFinding, FindingKind, ImportUse, ModuleSurface } from "../types.js";
import { changelogMention } from "../surface/changelog.js";
import { replacementEvidence } from "./replacement.js";
import { VersionSearch } from "./version-search.js";

/** Every import of one package at one pinned version, with where that version came from. */
export interface PackageGroup {
  name: string;
  pinned: string;
  /** "pinned in package-lock.json", or "no lockfile: highest version matching ^4.0.0". */
  pinnedBy: string;
  range?: string;
  /** Where the range is declared, for messages. */
  declaredIn?: string;
  /** A publishable package (not `"private": true`): its users may get any version the range allows. */
  library: boolean;
  uses: Array<{ use: ImportUse; subpath: string }>;
}

/** Members every object has at run time, which declarations without the default lib do not list. */
const UNIVERSAL_MEMBERS = new Set(["toString", "valueOf", "constructor", "hasOwnProperty", "toJSON", "prototype", "name", "length"]);

const SEVERITY: Record<FindingKind, DepsFinding["severity"]> = {
  removed: "error",
  "not-yet": "error",
  "bad-path": "error",
  "unknown-export": "error",
  deprecated: "warning",
  "below-range-minimum": "warning",
  "builtin-too-new": "warning",
  undeclared: "error",
  nonexistent: "error",
  "suspicious-name": "warning",
};

export function findingOf(
  kind: FindingKind,
  file: string,
  at: { line: number; column: number },
  pkg: { name: string; pinned?: string },
  message: string,
  data: Record<string, unknown> = {},
): DepsFinding {
  const ruleId = kind === "undeclared" || kind === "nonexistent" || kind === "suspicious-name" ? "no-unknown-package" : "no-version-mismatched-api";
  return {
    ruleId,
    kind,
    message,
    severity: SEVERITY[kind],
    file,
    line: at.line,
    column: at.column,
    package: pkg.name,
    ...(pkg.pinned ? { pinned: pkg.pinned } : {}),
    data: { kind, package: pkg.name, ...(pkg.pinned ? { pinned: pkg.pinned } : {}), ...data },
  };
}

const major = (version: string) => `v${semver.major(version)}`;

/** Checks every use of one package against the surface of its pinned version and, for the evidence, other versions. */
export async function checkPackage(group: PackageGroup, store: SurfaceStore): Promise<{ findings: DepsFinding[]; diagnostics: DepsDiagnostic[] }> {
  const findings: DepsFinding[] = [];
  const diagnostics: DepsDiagnostic[] = [];
  const { name, pinned } = group;
  const subpaths = [...new Set(group.uses.map((u) => u.subpath))];
  const surface = await store.surface(name, pinned, subpaths);
  if (isUnavailable(surface)) {
    const first = group.uses[0]!.use;
    diagnostics.push(
      "error" in surface
        ? { code: surface.error.code, path: first.file, line: first.line, message: `${surface.error.message}; imports of ${name} were not checked` }
        : { code: "offline-unchecked", path: first.file, line: first.line, message: `${name}@${pinned}: not in the cache or node_modules; not checked (offline)` },
    );
    return { findings, diagnostics };
  }
  const packumentOrNot = await store.packument(name);
  const packument: Packument | undefined = isUnavailable(packumentOrNot) ? undefined : packumentOrNot;
  const published = packument ? Object.keys(packument.versions) : [];
  const label = `${name}@${pinned} (${group.pinnedBy})`;

  const moduleAt = async (version: string, subpath: string): Promise<ModuleSurface | null | undefined> => {
    const other = await store.surface(name, version, [subpath]);
    return isUnavailable(other) ? undefined : other.modules[subpath];
  };
  /** Where else `holds` is true: the last older version, else the first newer one. */
  const history = async (holds: (module: ModuleSurface | null) => boolean, from = pinned) => {
    const search = new VersionSearch(published, from, async (version) => {
      const module = await moduleAt(version, currentSubpath);
      return module === undefined ? undefined : holds(module);
    });
    const before = await search.lastBefore();
    if (before) return { kind: "removed" as const, version: before };
    const after = await search.firstAfter();
    return after ? { kind: "not-yet" as const, version: after } : undefined;
  };
  let currentSubpath = ".";

  const deprecatedPackage = packument?.versions[pinned]?.deprecated;
  const reportedDeprecatedIn = new Set<string>();

  for (const { use, subpath } of group.uses) {
    currentSubpath = subpath;
    if (deprecatedPackage && !reportedDeprecatedIn.has(use.file)) {
      reportedDeprecatedIn.add(use.file);
      findings.push(findingOf("deprecated", use.file, use, { name, pinned }, `${label} is deprecated on the registry: "${deprecatedPackage}".`, { deprecation: deprecatedPackage }));
    }
    const module = surface.modules[subpath];
    const request = subpath === "." ? name : `${name}/${subpath.slice(2)}`;
    if (module === null) {
      const found = await history((m) => m !== null);
      const line = found?.kind === "removed" ? changelogMention(surface.changelog, request) : undefined;
      const replacement = line ? `${name}@${pinned}'s ${surface.changelog!.file} says: "${line}"` : undefined;
      const listed = surface.exportedSubpaths ? `: its exports map lists ${surface.exportedSubpaths.join(", ")}` : "";
      const story =
        found?.kind === "removed"
          ? `; the subpath exists up to ${name}@${found.version}: this import was written for ${major(found.version)}${replacement ? `; ${replacement}` : ""}`
          : found?.kind === "not-yet"
            ? `; it first appears in ${name}@${found.version}`
            : "";
      findings.push(findingOf("bad-path", use.file, use, { name, pinned }, `\`${request}\` is not provided by ${label}${listed}${story}.`, { subpath, ...(replacement ? { replacement } : {}), ...(found ? { [found.kind === "removed" ? "existsUpTo" : "firstIn"]: found.version } : {}) }));
      continue;
    }
    if (!module || module.open) continue;
    const exported = new Set(module.exports);

    /** "; openai@3.3.0 marks it deprecated: ..." when the declarations say what replaced it, else "". */
    const replaced = async (key: string, bare: string, lastVersion?: string) => {
      const last = lastVersion ? { version: lastVersion, module: await moduleAt(lastVersion, subpath) } : undefined;
      const evidence = replacementEvidence(key, bare, name, last, { version: pinned, module, changelog: surface.changelog });
      return evidence ? `; ${evidence}` : "";
    };
    const notAtRuntime = new Set(module.notAtRuntime ?? []);
    const reexportNote = module.reexportsFrom?.length ? `, nor by the packages it re-exports (${module.reexportsFrom.join(", ")})` : "";

    const checkName = async (symbol: string, at: { line: number; column: number }, typeOnly = true) => {
      // Declared by hand-written types but absent from the package's JS: only a value use fails at run time.
      const runtimeGap = !typeOnly && notAtRuntime.has(symbol);
      if (!exported.has(symbol) || runtimeGap) {
        const found = await history((m) => Boolean(m && !m.open && m.exports.includes(symbol) && !m.notAtRuntime?.includes(symbol)));
        const what = runtimeGap
          ? `\`${symbol}\` is not exported at run time by ${label}: ${module.from} declares it, the package's JavaScript does not`
          : `\`${symbol}\` is not exported by ${label}${reexportNote}`;
        if (found?.kind === "removed") {
          const evidence = await replaced(symbol, symbol, found.version);
          findings.push(findingOf("removed", use.file, at, { name, pinned }, `${what}; it exists up to ${name}@${found.version}: this call was written for ${major(found.version)}${evidence}.`, { symbol, existsUpTo: found.version, ...(evidence ? { replacement: evidence.slice(2) } : {}) }));
        } else if (found?.kind === "not-yet") {
          findings.push(findingOf("not-yet", use.file, at, { name, pinned }, `${what}; it first appears in ${name}@${found.version}: upgrade, or use what ${pinned} provides.`, { symbol, firstIn: found.version }));
        } else if (module.from !== "js" && !runtimeGap) {
          // A runtime gap without any version that has the name is reported only with that evidence (above).
          const elsewhere = packument ? "nor by any other version checked: the API does not exist" : "other versions could not be checked";
          const evidence = await replaced(symbol, symbol);
          findings.push(findingOf("unknown-export", use.file, at, { name, pinned }, `${what}, ${elsewhere}${evidence}.`, { symbol, ...(evidence ? { replacement: evidence.slice(2) } : {}) }));
        }
        return;
      }
      const deprecation = module.deprecated[symbol];
      if (deprecation) {
        findings.push(findingOf("deprecated", use.file, at, { name, pinned }, `\`${symbol}\` is deprecated in ${label}: ${deprecation}`, { symbol, deprecation }));
        return;
      }
      if (group.library && group.range && semver.validRange(group.range)) {
        const lowest = semver.minVersion(group.range)?.version;
        if (lowest && lowest !== pinned && semver.lt(lowest, pinned) && published.includes(lowest)) {
          const inLowest = await moduleAt(lowest, subpath);
          if (inLowest && !inLowest.open && !inLowest.exports.includes(symbol)) {
            const search = new VersionSearch(published, lowest, async (v) => {
              const m = await moduleAt(v, subpath);
              return m === undefined ? undefined : Boolean(m && !m.open && m.exports.includes(symbol));
            });
            const first = (await search.firstAfter()) ?? pinned;
            findings.push(
              findingOf("below-range-minimum", use.file, at,
                { name, pinned },
                `\`${symbol}\` first appears in ${name}@${first}, but the range ${group.range} declared in ${group.declaredIn ?? "package.json"} allows ${name}@${lowest}, which lacks it: raise the range to ^${first}.`,
                { symbol, firstIn: first, lowest, range: group.range },
              ),
            );
          }
        }
      }
    };

    for (const named of use.names) await checkName(named.name, named, named.typeOnly || use.typeOnly);
    for (const member of use.members) {
      if (member.owner === "*" && !member.instance) {
        await checkName(member.member, member);
        continue;
      }
      if (UNIVERSAL_MEMBERS.has(member.member) || !exported.has(member.owner)) continue;
      const table = member.instance ? module.instanceMembers : module.staticMembers;
      const list = table[member.owner];
      if (!list) continue;
      const what = member.owner === "default" ? `the default export` : `\`${member.owner}\``;
      const subject = !member.instance ? what : module.factories?.includes(member.owner) ? `what ${member.owner === "default" ? "the default export" : `\`${member.owner}()\``} returns` : `instances of ${what}`;
      if (list.includes(member.member)) {
        const deprecation = module.deprecated[`${member.owner}${member.instance ? "#" : "."}${member.member}`];
        if (deprecation) findings.push(findingOf("deprecated", use.file, member, { name, pinned }, `\`${member.member}\` of ${subject} is deprecated in ${label}: ${deprecation}`, { symbol: `${member.owner}.${member.member}`, deprecation }));
        continue;
      }
      const found = await history((m) => {
        const members = m && !m.open ? (member.instance ? m.instanceMembers : m.staticMembers)[member.owner] : undefined;
        return Boolean(members?.includes(member.member));
      });
      if (!found) {
        // Instance members come from declarations we may read incompletely (mixins, merged interfaces in other
        // packages): report them only with evidence. A typed value's own properties are complete enough.
        if (!member.instance && module.from !== "js") {
          findings.push(findingOf("unknown-export", use.file, member, { name, pinned }, `\`${member.member}\` is not a member of ${subject} in ${label}, nor in any other version checked: the API does not exist.`, { symbol: `${member.owner}.${member.member}` }));
        }
        continue;
      }
      const key = `${member.owner}${member.instance ? "#" : "."}${member.member}`;
      const evidence = found.kind === "removed" ? await replaced(key, member.member, found.version) : "";
      const message =
        found.kind === "removed"
          ? `\`${member.member}\` is not a member of ${subject} in ${label}; it exists up to ${name}@${found.version}: this call was written for ${major(found.version)}${evidence}.`
          : `\`${member.member}\` is not a member of ${subject} in ${label}; it first appears in ${name}@${found.version}: upgrade, or use what ${pinned} provides.`;
      findings.push(
        findingOf(found.kind, use.file, member, { name, pinned }, message, {
          symbol: `${member.owner}.${member.member}`,
          [found.kind === "removed" ? "existsUpTo" : "firstIn"]: found.version,
          ...(evidence ? { replacement: evidence.slice(2) } : {}),
        }),
      );
    }
  }
  return { findings, diagnostics };
}
