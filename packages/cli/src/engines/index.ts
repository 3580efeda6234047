import type { EngineName } from "@vibeguard/core";
import { analyzerEngine } from "./analyzer-engine.js";
import type { Engine } from "./engine.js";
import { depsEngine } from "./deps-engine.js";
import { eslintEngine } from "./eslint-engine.js";

/** Engines in the order they run. */
export const ENGINES: ReadonlyMap<EngineName, Engine> = new Map<EngineName, Engine>([
  ["eslint", eslintEngine],
  ["analyzer", analyzerEngine],
  ["deps", depsEngine],
]);
