import type { EngineName } from "@vibeguard/core";
import type { Engine, EngineContext, EngineResult } from "./engine.js";

/** An engine whose code (ESLint, the TypeScript compiler, the registry client) is loaded only when it runs. */
function lazyEngine(name: EngineName, load: () => Promise<Engine>): Engine {
  return { name, run: async (context: EngineContext): Promise<EngineResult> => (await load()).run(context) };
}

/** Engines in the order they run. */
export const ENGINES: ReadonlyMap<EngineName, Engine> = new Map<EngineName, Engine>([
  ["eslint", lazyEngine("eslint", async () => (await import("./eslint-engine.js")).eslintEngine)],
  ["analyzer", lazyEngine("analyzer", async () => (await import("./analyzer-engine.js")).analyzerEngine)],
  ["deps", lazyEngine("deps", async () => (await import("./deps-engine.js")).depsEngine)],
]);
