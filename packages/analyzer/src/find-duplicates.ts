import { firstAddedTimes } from "./match/git-history.js";
import { ImportGraph } from "./match/import-graph.js";
import type { CanonicalContext } from "./match/canonical.js";
import { groupFamilies } from "./match/families.js";
import { findClonePairs, similarityOf, toComparable } from "./match/find-clone-pairs.js";
import { duplicateMessage } from "./message.js";
import type { CloneFamily, Duplicate, FileIndex, UnitRef } from "./types.js";

/** The signs the canonical choice reads, over a whole repository. */
export function canonicalContext(root: string, indexes: ReadonlyMap<string, FileIndex>): CanonicalContext {
  const cache = new Map<string, number | undefined>();
  return {
    imports: new ImportGraph(indexes),
    firstAdded: (files) => {
      const missing = files.filter((file) => !cache.has(file));
      if (missing.length) {
        const times = firstAddedTimes(root, missing);
        for (const file of missing) cache.set(file, times.get(file));
      }
      const result = new Map<string, number>();
      for (const file of files) {
        const time = cache.get(file);
        if (time !== undefined) result.set(file, time);
      }
      return result;
    },
  };
}

/** Every member of a family but the canonical one, as a duplicate of it. */
export function duplicatesOf(family: CloneFamily): Duplicate[] {
  const canonical = toComparable(family.canonical);
  return family.members
    .filter((member) => member !== family.canonical)
    .map((copy) => {
      const similarity = similarityOf(toComparable(copy), canonical);
      const others = [family.canonical, ...family.members.filter((member) => member !== family.canonical && member !== copy)];
      return {
        copy,
        canonical: family.canonical,
        others,
        similarity,
        match: copy.unit.exactHash === family.canonical.unit.exactHash ? "exact" : "near",
        message: duplicateMessage(copy, family.canonical, similarity),
      } satisfies Duplicate;
    });
}

/** Clone families across the indexed files, and the duplicates to report, sorted by file and line. */
export function findDuplicates(root: string, indexes: ReadonlyMap<string, FileIndex>): { families: CloneFamily[]; duplicates: Duplicate[] } {
  const refs: UnitRef[] = [];
  for (const [file, index] of indexes) for (const unit of index.units) refs.push({ file, unit });
  const comparables = refs.map(toComparable);
  const pairs = findClonePairs(comparables);
  const context = canonicalContext(root, indexes);
  // One history walk for every file that has a clone, rather than one per family that needs it.
  const cloneFiles = new Set(pairs.flatMap(({ a, b }) => [refs[a]!.file, refs[b]!.file]));
  if (cloneFiles.size) context.firstAdded([...cloneFiles]);
  const families = groupFamilies(refs, comparables, pairs, context);
  const duplicates = families.flatMap(duplicatesOf);
  duplicates.sort((a, b) => a.copy.file.localeCompare(b.copy.file) || a.copy.unit.startLine - b.copy.unit.startLine);
  return { families, duplicates };
}
