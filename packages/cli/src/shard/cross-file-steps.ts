import type { Finding } from "@vibeguard/core";
import { analyzerCrossFileStep } from "../engines/analyzer-shard-index.js";

/**
 * A repository-wide analysis that has to see every shard: a duplicate whose copies landed in two
 * shards, a route in one shard with its auth middleware in another. Each shard writes its per-file
 * index data under the step's name; `vibeguard merge` hands the step every shard's data and adds
 * the findings it returns (fingerprinted like any other).
 */
export interface CrossFileStep {
  name: string;
  /** Rules whose findings this step produces at merge: the shards' own findings of them are dropped when any shard wrote index data. */
  ruleIds?: readonly string[];
  run(context: { root: string; indexes: unknown[]; findings: readonly Finding[] }): Finding[] | Promise<Finding[]>;
}

/** Steps run at merge time. Engines that build repository-wide indexes register their step here. */
export const CROSS_FILE_STEPS: CrossFileStep[] = [analyzerCrossFileStep];
