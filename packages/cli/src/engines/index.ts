import type { EngineName } from "@vibeguard/core";
import type { Engine } from "./engine.js";
import { depsEngine } from "./deps-engine.js";
import { eslintEngine } from "./eslint-engine.js";

/** Engines in the order they run. The analyzer and deps engines register here when they land. */
export const ENGINES: ReadonlyMap<EngineName, Engine> = new Map<EngineName, Engine>([
  ["eslint", eslintEngine],
  ["deps", depsEngine],
]);
