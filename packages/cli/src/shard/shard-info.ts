import type { EngineName } from "@vibeguard/core";
import type { ShardSpec } from "./shard-files.js";

/**
 * What a shard's JSON (`shard`) or SARIF (`runs[0].properties.vibeguardShard`) output carries
 * beside its findings, so `vibeguard merge` can rebuild the whole run: the files it scanned, the
 * engines that ran, and per-file index data that repository-wide steps need across shards.
 */
export interface ShardInfo extends ShardSpec {
  files: string[];
  enginesRun: EngineName[];
  /** Index data by cross-file step name (e.g. the duplicate analyzer's function fingerprints). */
  indexes: Record<string, unknown>;
}

export const SARIF_SHARD_PROPERTY = "vibeguardShard";
