import { lineWrittenTime } from "./match/git-history.js";
import { ImportGraph } from "./match/import-graph.js";
import type { CanonicalContext } from "./match/canonical.js";
import { groupFamilies } from "./match/families.js";
import { findClonePairs, similarityOf, toComparable, type ClonePair, type Comparable } from "./match/find-clone-pairs.js";
import { duplicateMessage } from "./message.js";
import type { CloneFamily, Duplicate, FileIndex, UnitRef } from "./types.js";

/**
 * The signs the canonical choice reads, over a whole repository. `knownTimes` holds `git blame` times
 * already looked up (key `file:line`; undefined: not committed, or not in git); any other line is blamed on demand.
 */
export function canonicalContext(root: string, indexes: ReadonlyMap<string, FileIndex>, knownTimes: ReadonlyMap<string, number | undefined> = new Map()): CanonicalContext {
  const written = new Map<string, number | undefined>(knownTimes);
  return {
    imports: new ImportGraph(indexes),
    writtenAt: (ref) => {
      const key = `${ref.file}:${ref.unit.startLine}`;
      if (!written.has(key)) written.set(key, lineWrittenTime(root, ref.file, ref.unit.startLine));
      return written.get(key);
    },
  };
}

/**
 * Every member of a family but the canonical one, as a duplicate of a keeper: the canonical member, or
 * for a member that is not itself a keeper, the keeper it resembles most (ties: the canonical one).
 */
export function duplicatesOf(family: CloneFamily): Duplicate[] {
  const keepers = family.keepers ?? [family.canonical];
  const comparable = new Map(family.members.map((member) => [member, toComparable(member)]));
  const compare = (a: UnitRef, b: UnitRef) => similarityOf(comparable.get(a) ?? toComparable(a), comparable.get(b) ?? toComparable(b));
  return family.members
    .filter((member) => member !== family.canonical)
    .map((copy) => {
      let target = family.canonical;
      let similarity = compare(copy, target);
      if (!keepers.includes(copy)) {
        for (const keeper of keepers) {
          const score = compare(copy, keeper);
          if (score > similarity) [target, similarity] = [keeper, score];
        }
      }
      const others = [target, ...family.members.filter((member) => member !== target && member !== copy)];
      return {
        copy,
        canonical: target,
        others,
        similarity,
        match: copy.unit.exactHash === target.unit.exactHash ? "exact" : "near",
        message: duplicateMessage(copy, target, similarity),
      } satisfies Duplicate;
    });
}

export interface ClonePlan {
  refs: UnitRef[];
  comparables: Comparable[];
  pairs: ClonePair[];
}

/** Every unit of the indexed files, and the clone pairs among them. */
export function planClones(indexes: ReadonlyMap<string, FileIndex>): ClonePlan {
  const refs: UnitRef[] = [];
  for (const [file, index] of indexes) for (const unit of index.units) refs.push({ file, unit });
  const comparables = refs.map(toComparable);
  return { refs, comparables, pairs: findClonePairs(comparables) };
}

/** Families and the duplicates to report, sorted by file and line. */
export function familiesOf(plan: ClonePlan, context: CanonicalContext): { families: CloneFamily[]; duplicates: Duplicate[] } {
  const families = groupFamilies(plan.refs, plan.comparables, plan.pairs, context);
  return { families, duplicates: duplicatesOfFamilies(families) };
}

/** The duplicates to report from families, sorted by file and line. */
export function duplicatesOfFamilies(families: readonly CloneFamily[]): Duplicate[] {
  const duplicates = families.flatMap(duplicatesOf);
  duplicates.sort((a, b) => a.copy.file.localeCompare(b.copy.file) || a.copy.unit.startLine - b.copy.unit.startLine);
  return duplicates;
}

/** Clone families across the indexed files, and the duplicates to report (git asked line by line as needed). */
export function findDuplicates(root: string, indexes: ReadonlyMap<string, FileIndex>): { families: CloneFamily[]; duplicates: Duplicate[] } {
  return familiesOf(planClones(indexes), canonicalContext(root, indexes));
}
