import type { Packument } from "../registry/registry-client.js";
import { isUnavailable, type SurfaceStore } from "../surface/surface-store.js";
import type { DepsFinding, ImportUse } from "../types.js";
import { findingOf, type PackageGroup } from "./check-package.js";
import { typoOf } from "./popular-names.js";

/** Default for `recentDays`: a package first published fewer days ago than this is "very recent". */
export const DEFAULT_RECENT_DAYS = 30;

/**
 * A look-alike name that has been on the registry at least this long with at least this many versions
 * is an established package in its own right (preact next to react, color next to colors), not a squat.
 */
const ESTABLISHED_DAYS = 365;
const ESTABLISHED_VERSIONS = 10;

/**
 * Scopes owned by well-known organisations: only they can publish under them, so a new package there
 * (a fresh @aws-sdk/client-*, a new @types/*) is routine, not a squatting risk.
 */
const KNOWN_SCOPES = new Set([
  "angular", "apollo", "aws-sdk", "azure", "babel", "emotion", "eslint", "fastify", "firebase", "google-cloud", "jest", "mui",
  "nestjs", "next", "octokit", "prisma", "radix-ui", "reduxjs", "remix-run", "sentry", "storybook", "supabase", "sveltejs",
  "tanstack", "testing-library", "trpc", "types", "typescript-eslint", "vercel", "vitejs", "vitest", "vue",
]);

const DAY_MS = 86_400_000;

function scopeOf(name: string): string | undefined {
  return name.startsWith("@") ? name.slice(1, name.indexOf("/")) : undefined;
}

/**
 * Why a package that is on the registry deserves a second look before it is installed, from the
 * packument the checker already has (no extra request): its name is one edit from a popular package
 * (and it is not itself established), or it was first published less than `recentDays` ago (when the
 * registry sent the creation time; scopes of known organisations excepted). Undefined when neither.
 */
export function suspicionOf(name: string, packument: Packument, recentDays = DEFAULT_RECENT_DAYS, now = Date.now()): string | undefined {
  const created = packument.created ? Date.parse(packument.created) : Number.NaN;
  const ageDays = Number.isFinite(created) ? (now - created) / DAY_MS : undefined;
  const typo = typoOf(name);
  if (typo) {
    const established = Object.keys(packument.versions).length >= ESTABLISHED_VERSIONS && (ageDays === undefined || ageDays >= ESTABLISHED_DAYS);
    if (!established) return `its name is one letter away from the popular \`${typo}\``;
  }
  const scope = scopeOf(name);
  if (ageDays !== undefined && ageDays < recentDays && !(scope && KNOWN_SCOPES.has(scope))) {
    return `it was first published ${Math.max(1, Math.round(ageDays))} day(s) ago (under the ${recentDays}-day "very recent" threshold)`;
  }
  return undefined;
}

/**
 * The slopsquatting warning for declared dependencies, locked or not: an agent that added a mistyped or
 * freshly squatted name to package.json and installed it gets a lockfile entry too. One warning per
 * importing file, at its first import of the package.
 */
export async function checkDeclaredNames(groups: readonly PackageGroup[], store: SurfaceStore, recentDays: number): Promise<DepsFinding[]> {
  const byName = new Map<string, Array<PackageGroup["uses"][number]>>();
  for (const group of groups) byName.set(group.name, [...(byName.get(group.name) ?? []), ...group.uses]);
  const findings: DepsFinding[] = [];
  await Promise.all(
    [...byName].map(async ([name, uses]) => {
      // The packument the version check reads anyway (memoised and cached): no extra request.
      const packument = await store.packument(name);
      if (isUnavailable(packument)) return;
      const suspicion = suspicionOf(name, packument, recentDays);
      if (!suspicion) return;
      const seen = new Set<string>();
      for (const { use } of uses.sort((a, b) => a.use.line - b.use.line)) {
        if (seen.has(use.file)) continue;
        seen.add(use.file);
        findings.push(suspiciousFinding(use, name, suspicion));
      }
    }),
  );
  return findings;
}

export function suspiciousFinding(use: ImportUse, name: string, suspicion: string): DepsFinding {
  return findingOf("suspicious-name", use.file, use, { name }, `\`${name}\` exists on the registry but ${suspicion}: check that it is the package you meant before installing it.`, { reason: suspicion });
}
