import { combineHashes } from "../hash.js";

/** Token n-grams: long enough to carry order, short enough that one edited token spoils few of them. */
const SHINGLE_SIZE = 3;

/** The sorted multiset of token-trigram hashes of a unit. */
export function shingles(tokens: readonly number[]): Uint32Array {
  const count = Math.max(tokens.length - SHINGLE_SIZE + 1, 1);
  const result = new Uint32Array(count);
  if (tokens.length < SHINGLE_SIZE) {
    result[0] = tokens.reduce((hash, token) => combineHashes(hash, token), 0);
    return result;
  }
  for (let i = 0; i < count; i++) {
    let hash = tokens[i]!;
    for (let j = 1; j < SHINGLE_SIZE; j++) hash = combineHashes(hash, tokens[i + j]!);
    result[i] = hash;
  }
  return result.sort();
}

/**
 * Dice coefficient of two sorted shingle multisets: 2|A∩B| / (|A|+|B|). Statements added, removed or
 * moved change only the shingles around them, so an edited copy keeps most of its shingles.
 */
export function diceSimilarity(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * common) / (a.length + b.length);
}
