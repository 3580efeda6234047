import { createRequire } from "node:module";
import type * as Analyzer from "@vibeguard/analyzer/repo-index";

let analyzer: typeof Analyzer | undefined;

/**
 * The analyzer, loaded on the first file this rule lints: it brings the TypeScript compiler with it,
 * which users who load the plugin without turning this rule on should not pay for. ESLint rules are
 * synchronous, hence require (Node loads the ES module synchronously).
 */
export function loadAnalyzer(): typeof Analyzer {
  analyzer ??= createRequire(import.meta.url)("@vibeguard/analyzer/repo-index") as typeof Analyzer;
  return analyzer;
}
