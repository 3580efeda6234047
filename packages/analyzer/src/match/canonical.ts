import type { UnitRef } from "../types.js";
import type { ImportGraph } from "./import-graph.js";

/** Folders where a project keeps the helpers meant to be shared. */
const SHARED_FOLDER = /(^|\/)(utils?|lib|libs|shared|common|helpers?|core)\//i;

export interface CanonicalContext {
  imports: ImportGraph;
  /** When a file was first added to git (seconds); asked lazily because it spawns git. */
  firstAdded: (files: readonly string[]) => ReadonlyMap<string, number>;
}

/**
 * The member to keep: the one other files already import, then the exported one, then the one in a
 * utils/lib/shared folder, then the oldest in git history; path and line settle the rest deterministically.
 */
export function chooseCanonical(members: readonly UnitRef[], context: CanonicalContext): UnitRef {
  const scored = members.map((ref) => ({
    ref,
    imported: context.imports.importerCount(ref.file, ref.unit.importName),
    exported: ref.unit.exported ? 1 : 0,
    shared: SHARED_FOLDER.test(ref.file) ? 1 : 0,
  }));
  const byCheapSigns = (a: (typeof scored)[number], b: (typeof scored)[number]) => b.imported - a.imported || b.exported - a.exported || b.shared - a.shared;
  scored.sort(byCheapSigns);
  const leaders = scored.filter((entry) => byCheapSigns(entry, scored[0]!) === 0);
  const times = leaders.length > 1 ? context.firstAdded([...new Set(leaders.map((entry) => entry.ref.file))]) : new Map<string, number>();
  const time = (ref: UnitRef) => times.get(ref.file) ?? Number.POSITIVE_INFINITY;
  leaders.sort((a, b) => time(a.ref) - time(b.ref) || a.ref.file.localeCompare(b.ref.file) || a.ref.unit.startLine - b.ref.unit.startLine);
  return leaders[0]!.ref;
}
