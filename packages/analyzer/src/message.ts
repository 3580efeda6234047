import type { UnitRef } from "./types.js";

/** "`toSlug` in src/routes/posts.ts duplicates `slugify` in src/lib/strings.ts (93% similar); import it instead". */
export function duplicateMessage(copy: UnitRef, canonical: UnitRef, similarity: number): string {
  const percent = Math.floor(similarity * 100);
  const sameFile = copy.file === canonical.file;
  const where = sameFile ? "in the same file" : `in ${canonical.file}`;
  const advice = sameFile
    ? "call it instead"
    : canonical.unit.exported
      ? "import it instead"
      : `export it and import it instead`;
  return `\`${copy.unit.name}\` in ${copy.file} duplicates \`${canonical.unit.name}\` ${where} (${percent}% similar); ${advice}`;
}
