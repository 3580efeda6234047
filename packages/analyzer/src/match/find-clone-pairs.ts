import type { UnitRef } from "../types.js";
import { bandKeys, minhashSignature } from "./minhash.js";
import { diceSimilarity, shingles } from "./shingles.js";
import { statementProfile, statementSimilarity, type StatementProfile } from "./statement-similarity.js";

/** Below this a pair shares too little to be called a copy (type-3 clones sit at roughly 70% and up). */
export const SIMILARITY_THRESHOLD = 0.7;
/** An LSH bucket this full holds boilerplate shapes that everything shares; comparing inside it is quadratic noise. */
const MAX_BUCKET = 64;
/**
 * Below this many tokens a unit is matched only when its normalised body is identical: in a body this short
 * (`every`, `some`, `sumAll`) one changed token is a different function, not an edited copy.
 */
export const NEAR_MIN_TOKENS = 18;
/**
 * Two three-statement units are never near copies: siblings that differ in the method they call or the
 * property they set (`forShare`/`forNoKeyUpdate`, `insert`/`update` dispatchers, `decimal`/`double` column
 * types) are a parallel API, not a copy to merge, since what differs is most of their logic. One side needs
 * this many statements (a three-statement helper copied with a guard added has five).
 */
export const NEAR_MIN_STATEMENTS = 4;
/** A copy with statements added or removed keeps most of its length; halving it is a different function. */
const MIN_LENGTH_RATIO = 0.5;

export interface ClonePair {
  a: number;
  b: number;
  similarity: number;
  exact: boolean;
}

/** Per-unit data the comparison needs, computed once. */
export interface Comparable {
  shingles: Uint32Array;
  statements: StatementProfile;
  exactHash: string;
  literalHash: number;
  /** Normalised token count. */
  tokens: number;
  /** Statements in the body, nested ones included. */
  statementCount: number;
}

function nearCandidate(comparable: Comparable): boolean {
  return comparable.tokens >= NEAR_MIN_TOKENS;
}

export function toComparable(ref: UnitRef): Comparable {
  return { shingles: shingles(ref.unit.tokens), statements: statementProfile(ref.unit), exactHash: ref.unit.exactHash, literalHash: ref.unit.literalHash, tokens: ref.unit.tokens.length, statementCount: ref.unit.statements };
}

/**
 * 1 for equal normalised bodies; else the better of two views of one edit: token trigrams (an expression
 * changed inside a statement) and whole statements (statements added, removed or moved, which in a short
 * function break more trigrams than the statement holds).
 */
export function similarityOf(a: Comparable, b: Comparable): number {
  if (a.exactHash === b.exactHash) return 1;
  return Math.max(diceSimilarity(a.shingles, b.shingles), statementSimilarity(a.statements, b.statements));
}

/**
 * Exact (type-1/2) clones: equal normalised bodies, and when either has fewer than NEAR_MIN_STATEMENTS
 * statements, equal literal values too. In three statements (`datetime()` and `timestamp()` formatting
 * their own type name, `orderByRaw` and `groupByRaw` pushing their own grouping) the literals are what
 * tells two functions apart.
 */
export function exactClones(left: Comparable, right: Comparable): boolean {
  if (left.exactHash !== right.exactHash) return false;
  return Math.min(left.statementCount, right.statementCount) >= NEAR_MIN_STATEMENTS || left.literalHash === right.literalHash;
}

/** The similarity of two units when they are clones, exact or near, else undefined. */
export function cloneSimilarity(left: Comparable, right: Comparable): number | undefined {
  return exactClones(left, right) ? 1 : nearCloneSimilarity(left, right);
}

/** The similarity of two units when they are near clones (type-3/4), else undefined. */
export function nearCloneSimilarity(left: Comparable, right: Comparable): number | undefined {
  if (!nearCandidate(left) || !nearCandidate(right) || Math.max(left.statementCount, right.statementCount) < NEAR_MIN_STATEMENTS) return undefined;
  const ratio = Math.min(left.shingles.length, right.shingles.length) / Math.max(left.shingles.length, right.shingles.length);
  if (ratio < MIN_LENGTH_RATIO) return undefined;
  const similarity = similarityOf(left, right);
  return similarity >= SIMILARITY_THRESHOLD ? similarity : undefined;
}

/**
 * Clone pairs among units: equal normalised hashes (type-1/2), then MinHash LSH candidates verified by
 * their Dice similarity (type-3/4). Never compares all pairs: only units that share a hash bucket.
 */
export function findClonePairs(comparables: readonly Comparable[]): ClonePair[] {
  const pairs: ClonePair[] = [];
  const byHash = new Map<string, number[]>();
  comparables.forEach((comparable, index) => {
    const bucket = byHash.get(comparable.exactHash);
    if (bucket) bucket.push(index);
    else byHash.set(comparable.exactHash, [index]);
  });
  for (const bucket of byHash.values()) {
    // Each member pairs with the first member it is an exact clone of (one class per literal set for short units).
    const classes: number[] = [];
    for (const index of bucket) {
      const first = classes.find((other) => exactClones(comparables[other]!, comparables[index]!));
      if (first === undefined) classes.push(index);
      else pairs.push({ a: first, b: index, similarity: 1, exact: true });
    }
  }

  const buckets = new Map<number, number[]>();
  comparables.forEach((comparable, index) => {
    if (!nearCandidate(comparable)) return;
    for (const key of bandKeys(minhashSignature(comparable.shingles))) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    }
  });
  const seen = new Set<number>();
  const count = comparables.length;
  for (const bucket of buckets.values()) {
    if (bucket.length < 2 || bucket.length > MAX_BUCKET) continue;
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const a = Math.min(bucket[i]!, bucket[j]!);
        const b = Math.max(bucket[i]!, bucket[j]!);
        const key = a * count + b;
        if (seen.has(key)) continue;
        seen.add(key);
        const left = comparables[a]!;
        const right = comparables[b]!;
        if (exactClones(left, right)) continue;
        const similarity = nearCloneSimilarity(left, right);
        if (similarity !== undefined) pairs.push({ a, b, similarity, exact: false });
      }
    }
  }
  return pairs;
}
