import type { EngineName } from "@vibeguard/core";
import type { Engine } from "./engine.js";
import { eslintEngine } from "./eslint-engine.js";

/** Engines in the order they run. The analyzer and deps engines register here when they land. */
export const ENGINES: ReadonlyMap<EngineName, Engine> = new Map([["eslint", eslintEngine]]);
