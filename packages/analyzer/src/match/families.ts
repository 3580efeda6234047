import type { CloneFamily, UnitRef } from "../types.js";
import { chooseKeepers, type CanonicalContext } from "./canonical.js";
import { nearCloneSimilarity, type ClonePair, type Comparable } from "./find-clone-pairs.js";

/**
 * Joins clone pairs into families and picks each family's canonical member, in two passes.
 * 1. Members with equal normalised bodies (type-1/2) form a family first: a copy is reported against
 *    its identical twin, not against some third function both resemble.
 * 2. Near pairs (type-3/4) among what is left (each exact family is represented by its canonical member)
 *    are clustered by complete linkage (see nearFamilies): a chain A~B~C with A and C unalike never
 *    becomes one family.
 */
export function groupFamilies(refs: readonly UnitRef[], comparables: readonly Comparable[], pairs: readonly ClonePair[], context: CanonicalContext): CloneFamily[] {
  const families: CloneFamily[] = [];
  const absorbed = new Set<number>();
  const exactGroups = new Map<number, Set<number>>();
  for (const { a, b, exact } of pairs) {
    if (!exact) continue;
    const group = exactGroups.get(a) ?? new Set([a]);
    group.add(b);
    exactGroups.set(a, group);
  }
  for (const group of exactGroups.values()) {
    const members = [...group].map((index) => refs[index]!);
    const keepers = chooseKeepers(members, context);
    const canonical = keepers[0]!;
    families.push({ canonical, members, keepers });
    for (const index of group) if (refs[index] !== canonical) absorbed.add(index);
  }
  const nearPairs = pairs.filter(({ a, b, exact }) => !exact && !absorbed.has(a) && !absorbed.has(b));
  families.push(...nearFamilies(refs, comparables, nearPairs, context));
  return families;
}

/** Beyond this many member pairs to check, two clusters are boilerplate shapes, not one copied utility. */
const MAX_LINK_CHECKS = 4096;

/**
 * Near families by complete linkage: pairs are taken strongest first, and two clusters merge only when
 * every member of one is a near clone of every member of the other. A copy therefore joins the function it
 * was copied from (its strongest pair), not a sibling that merely resembles both, and every member of a
 * family is similar to the canonical one, whichever is chosen.
 */
function nearFamilies(refs: readonly UnitRef[], comparables: readonly Comparable[], pairs: readonly ClonePair[], context: CanonicalContext): CloneFamily[] {
  const known = new Set(pairs.map(({ a, b }) => pairKey(a, b)));
  const similar = (a: number, b: number) => known.has(pairKey(a, b)) || nearCloneSimilarity(comparables[a]!, comparables[b]!) !== undefined;
  const clusterOf = new Map<number, number[]>();
  const strongestFirst = [...pairs].sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
  for (const { a, b } of strongestFirst) {
    const left = clusterOf.get(a) ?? [a];
    const right = clusterOf.get(b) ?? [b];
    if (left === right || left.length * right.length > MAX_LINK_CHECKS) continue;
    if (!left.every((i) => right.every((j) => similar(i, j)))) continue;
    const merged = [...left, ...right];
    for (const index of merged) clusterOf.set(index, merged);
  }
  const families: CloneFamily[] = [];
  for (const cluster of new Set(clusterOf.values())) {
    const members = [...cluster].sort((x, y) => x - y).map((index) => refs[index]!);
    const keepers = chooseKeepers(members, context);
    families.push({ canonical: keepers[0]!, members, keepers });
  }
  return families;
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}
