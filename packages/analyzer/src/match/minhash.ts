import { combineHashes, mix32 } from "../hash.js";

/** 32 bands of 3 rows: pairs with a shingle-set Jaccard of 0.5 become candidates 98% of the time, of 0.2 about 22%. */
export const BANDS = 32;
export const ROWS = 3;
const PERMUTATIONS = BANDS * ROWS;
const SEEDS = Array.from({ length: PERMUTATIONS }, (_, i) => mix32(0x5bd1e995 + i * 0x9e3779b9));

/** MinHash signature of a shingle set: for each seeded hash function, the least value over the shingles. */
export function minhashSignature(shingleSet: Uint32Array): Uint32Array {
  const signature = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  let previous = -1;
  for (const shingle of shingleSet) {
    if (shingle === previous) continue; // sorted multiset: skip repeats
    previous = shingle;
    for (let p = 0; p < PERMUTATIONS; p++) {
      const value = mix32(shingle ^ SEEDS[p]!);
      if (value < signature[p]!) signature[p] = value;
    }
  }
  return signature;
}

/** The band keys of a signature: units sharing any key are compared. */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let key = band;
    for (let row = 0; row < ROWS; row++) key = combineHashes(key, signature[band * ROWS + row]!);
    keys.push(key);
  }
  return keys;
}
