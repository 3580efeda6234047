import type { UnitRef } from "../types.js";
import type { ImportGraph } from "./import-graph.js";

/** Folders where a project keeps the helpers meant to be shared. */
const SHARED_FOLDER = /(^|\/)(utils?|lib|libs|shared|common|helpers?|core)\//i;

export interface CanonicalContext {
  imports: ImportGraph;
  /** When a unit was written, per git (seconds); asked only to break ties, because it spawns git. */
  writtenAt: (ref: UnitRef) => number | undefined;
}

/**
 * The member to keep: the one other files already import, then the exported one, then the one in a
 * utils/lib/shared folder, then the oldest in git history; path and line settle the rest deterministically.
 */
export function chooseCanonical(members: readonly UnitRef[], context: CanonicalContext): UnitRef {
  return chooseKeepers(members, context)[0]!;
}

/**
 * The members as good to keep as one another (tied on every sign above), the canonical one first. A family
 * can hold several established siblings (`isPositive`, `isNegative` written side by side): a later copy
 * is then reported against the sibling it resembles most, not the first by path.
 */
export function chooseKeepers(members: readonly UnitRef[], context: CanonicalContext): UnitRef[] {
  // A private function cannot be imported nor shared, wherever its file sits and however often the file is
  // imported (`export *` and namespace imports of a file reach only what it exports).
  const scored = members.map((ref) => ({
    ref,
    imported: ref.unit.exported ? context.imports.importerCount(ref.file, ref.unit.importName) : 0,
    exported: ref.unit.exported ? 1 : 0,
    shared: ref.unit.exported && SHARED_FOLDER.test(ref.file) ? 1 : 0,
  }));
  const byCheapSigns = (a: (typeof scored)[number], b: (typeof scored)[number]) => b.imported - a.imported || b.exported - a.exported || b.shared - a.shared;
  scored.sort(byCheapSigns);
  const leaders = scored.filter((entry) => byCheapSigns(entry, scored[0]!) === 0);
  const times = new Map(leaders.length > 1 ? leaders.map((entry) => [entry.ref, context.writtenAt(entry.ref) ?? Number.POSITIVE_INFINITY]) : []);
  const time = (ref: UnitRef) => times.get(ref) ?? Number.POSITIVE_INFINITY;
  leaders.sort((a, b) => time(a.ref) - time(b.ref) || a.ref.file.localeCompare(b.ref.file) || a.ref.unit.startLine - b.ref.unit.startLine);
  const first = time(leaders[0]!.ref);
  return leaders.filter((entry) => time(entry.ref) === first).map((entry) => entry.ref);
}
