import type { EngineName } from "@vibeguard/core";
import { analyzerEngine } from "./analyzer-engine.js";
import type { Engine } from "./engine.js";
import { eslintEngine } from "./eslint-engine.js";

/** Engines in the order they run. The deps engine registers here when it lands. */
export const ENGINES: ReadonlyMap<EngineName, Engine> = new Map([
  ["eslint", eslintEngine],
  ["analyzer", analyzerEngine],
]);
