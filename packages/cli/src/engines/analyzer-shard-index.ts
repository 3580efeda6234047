import path from "node:path";
import { defaultCacheDir, IndexCache, matchIndexes, type FileIndex, type FunctionUnit } from "@vibeguard/analyzer";
import { fingerprintFindings, type Finding, type Severity } from "@vibeguard/core";
import { readFileSync } from "node:fs";
import type { CrossFileStep } from "../shard/cross-file-steps.js";
import { DUPLICATE_RULE_ID, toDuplicateFinding } from "./analyzer-findings.js";

/** A unit as a shard writes it: its normalised tokens packed as base64 little-endian uint32s, not a JSON array of numbers. */
type PackedUnit = Omit<FunctionUnit, "tokens"> & { tokens: string };

/** What a shard's analyzer writes under `indexes.analyzer`: every analysed file's units and imports, and its content hash. */
export interface AnalyzerShardIndex {
  severity: Severity;
  files: Record<string, { hash: string; units: PackedUnit[]; imports: FileIndex["imports"] }>;
}

function packTokens(tokens: readonly number[]): string {
  const buffer = Buffer.alloc(tokens.length * 4);
  tokens.forEach((token, i) => buffer.writeUInt32LE(token, i * 4));
  return buffer.toString("base64");
}

function unpackTokens(packed: string): number[] {
  const buffer = Buffer.from(packed, "base64");
  const tokens: number[] = [];
  for (let offset = 0; offset + 4 <= buffer.length; offset += 4) tokens.push(buffer.readUInt32LE(offset));
  return tokens;
}

/** The shard's index data; files with neither units nor imports add nothing to the matching and are left out. */
export function packShardIndex(indexes: ReadonlyMap<string, FileIndex>, hashes: ReadonlyMap<string, string>, severity: Severity): AnalyzerShardIndex {
  const files: AnalyzerShardIndex["files"] = {};
  for (const [file, index] of indexes) {
    if (!index.units.length && !index.imports.length) continue;
    files[file] = { hash: hashes.get(file) ?? "", units: index.units.map((unit) => ({ ...unit, tokens: packTokens(unit.tokens) })), imports: index.imports };
  }
  return { severity, files };
}

/**
 * At merge: the analyzer's matching (clone pairs, families, canonical choice with its import and git
 * signs) over the union of every shard's units, so a utility copied into files of two shards is found,
 * and every duplicate finding is the one a single run would give. The shards' own duplicate findings
 * (matched within one shard only) are dropped in favour of these.
 */
export const analyzerCrossFileStep: CrossFileStep = {
  name: "analyzer",
  ruleIds: [DUPLICATE_RULE_ID],
  async run({ root, indexes }): Promise<Finding[]> {
    const shards = indexes as AnalyzerShardIndex[];
    if (!shards.length) return [];
    const files = new Map<string, FileIndex>();
    const hashes = new Map<string, string>();
    for (const shard of shards) {
      for (const [file, entry] of Object.entries(shard.files ?? {})) {
        files.set(file, { units: entry.units.map((unit) => ({ ...unit, tokens: unpackTokens(unit.tokens) })), imports: entry.imports });
        hashes.set(file, entry.hash);
      }
    }
    const cache = IndexCache.open(defaultCacheDir(root));
    const { duplicates } = await matchIndexes(root, files, hashes, cache);
    cache.save();
    const severity = shards[0]!.severity;
    const readSource = (file: string) => {
      try {
        return readFileSync(path.join(root, file), "utf8");
      } catch {
        // A shard ran on a checkout this machine lacks: fingerprinted from the message, as in a scan.
        return undefined;
      }
    };
    return fingerprintFindings(
      duplicates.map((duplicate) => toDuplicateFinding(duplicate, severity)),
      readSource,
    );
  },
};
