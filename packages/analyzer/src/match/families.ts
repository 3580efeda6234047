import type { CloneFamily, UnitRef } from "../types.js";
import { chooseCanonical, type CanonicalContext } from "./canonical.js";
import { SIMILARITY_THRESHOLD, similarityOf, type ClonePair, type Comparable } from "./find-clone-pairs.js";

/**
 * Joins clone pairs into families and picks each family's canonical member, in two passes.
 * 1. Members with equal normalised bodies (type-1/2) form a family first: a copy is reported against
 *    its identical twin, not against some third function both resemble.
 * 2. Near pairs (type-3/4) among what is left (each exact family is represented by its canonical member)
 *    are joined into connected components. A component can chain A~B~C with A and C unalike, so each
 *    family is a star: the canonical member and the members directly similar to it; the rest of the
 *    component forms further families the same way.
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
    const canonical = chooseCanonical(members, context);
    families.push({ canonical, members });
    for (const index of group) if (refs[index] !== canonical) absorbed.add(index);
  }
  const nearPairs = pairs.filter(({ a, b, exact }) => !exact && !absorbed.has(a) && !absorbed.has(b));
  families.push(...nearFamilies(refs, comparables, nearPairs, context));
  return families;
}

function nearFamilies(refs: readonly UnitRef[], comparables: readonly Comparable[], pairs: readonly ClonePair[], context: CanonicalContext): CloneFamily[] {
  const parent = refs.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[index] !== root) {
      const next = parent[index]!;
      parent[index] = root;
      index = next;
    }
    return root;
  };
  for (const { a, b } of pairs) {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  }
  const components = new Map<number, number[]>();
  for (const { a, b } of pairs) {
    for (const index of [a, b]) {
      const root = find(index);
      const list = components.get(root) ?? [];
      if (!list.includes(index)) list.push(index);
      components.set(root, list);
    }
  }
  const families: CloneFamily[] = [];
  for (const indexes of components.values()) {
    let remaining = indexes;
    while (remaining.length >= 2) {
      const canonical = chooseCanonical(remaining.map((index) => refs[index]!), context);
      const canonicalIndex = remaining.find((index) => refs[index] === canonical)!;
      const close = remaining.filter(
        (index) => index === canonicalIndex || similarityOf(comparables[index]!, comparables[canonicalIndex]!) >= SIMILARITY_THRESHOLD,
      );
      if (close.length >= 2) families.push({ canonical, members: close.map((index) => refs[index]!) });
      remaining = remaining.filter((index) => index !== canonicalIndex && (close.length < 2 || !close.includes(index)));
    }
  }
  return families;
}
