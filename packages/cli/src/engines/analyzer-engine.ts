import { analyzeDuplicates } from "@vibeguard/analyzer";
import type { Engine, EngineContext, EngineResult } from "./engine.js";
import { DUPLICATE_RULE_ID, toDuplicateFinding } from "./analyzer-findings.js";
import { packShardIndex } from "./analyzer-shard-index.js";

/** The duplicated-utility analyzer (@vibeguard/analyzer) as a scan engine. */
export const analyzerEngine: Engine = {
  name: "analyzer",
  async run(context: EngineContext): Promise<EngineResult> {
    const rule = context.rules.get(DUPLICATE_RULE_ID);
    if (!rule || context.files.length === 0) return { findings: [], diagnostics: [] };
    const result = await analyzeDuplicates({
      root: context.root,
      files: context.files,
      includeTests: context.include?.tests,
      includeVendored: context.include?.vendored,
      progress: context.progress,
      debug: context.debug,
    });
    return {
      findings: result.duplicates.map((duplicate) => toDuplicateFinding(duplicate, rule.severity)),
      diagnostics: result.diagnostics,
      // A shard matched only its own files: it hands its units on, and `vibeguard merge` matches them all.
      ...(context.shard ? { index: packShardIndex(result.indexes, result.hashes, rule.severity) } : {}),
    };
  },
};
