import type { FunctionUnit } from "../types.js";

/** A unit's statements as a multiset: hashes sorted, each with its token count. */
export interface StatementProfile {
  hashes: Uint32Array;
  sizes: Uint32Array;
  /** Token count of all statements. */
  total: number;
}

export function statementProfile(unit: Pick<FunctionUnit, "statementHashes" | "statementSizes">): StatementProfile {
  const order = unit.statementHashes.map((_, index) => index).sort((a, b) => unit.statementHashes[a]! - unit.statementHashes[b]!);
  const hashes = Uint32Array.from(order, (index) => unit.statementHashes[index]!);
  const sizes = Uint32Array.from(order, (index) => unit.statementSizes[index]!);
  return { hashes, sizes, total: sizes.reduce((sum, size) => sum + size, 0) };
}

/**
 * Dice coefficient of two statement multisets, each statement weighted by its tokens: the share of both
 * bodies made of statements the other has too (locals blinded, literals abstracted). A statement added,
 * removed or moved costs its own tokens only, whatever the function's length.
 */
export function statementSimilarity(a: StatementProfile, b: StatementProfile): number {
  if (a.total + b.total === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.hashes.length && j < b.hashes.length) {
    const x = a.hashes[i]!;
    const y = b.hashes[j]!;
    if (x === y) {
      common += Math.min(a.sizes[i]!, b.sizes[j]!);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * common) / (a.total + b.total);
}
