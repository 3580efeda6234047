import type { ModuleSurface } from "../types.js";

/** Names every function has; `export =` declarations list them as members, a JS export list never does. */
const FUNCTION_OWN = new Set(["call", "apply", "bind", "name", "length", "prototype", "default"]);

/**
 * Marks the values hand-written declarations (@types) list that the package's own JS entry does not export.
 * Only when the JS surface is enumerable (not open), and only when the gaps are a minority of the declared
 * values: a JS list that misses most of them is more likely a build we cannot read than a wrong set of types.
 */
export function withoutRuntimeGaps(typed: ModuleSurface, values: readonly string[], runtime: ModuleSurface): ModuleSurface {
  if (typed.open || runtime.open) return typed;
  const present = new Set(runtime.exports);
  const judged = values.filter((name) => !FUNCTION_OWN.has(name));
  const missing = judged.filter((name) => !present.has(name));
  if (missing.length === 0 || missing.length * 2 > judged.length) return typed;
  return { ...typed, notAtRuntime: missing };
}
