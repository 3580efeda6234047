import { readFileSync } from "node:fs";
import { readResults, type Diagnostic, type EngineName, type Finding } from "@vibeguard/core";
import { UsageError } from "../errors.js";
import type { ScanResult } from "../scan/run-scan.js";
import { CROSS_FILE_STEPS, type CrossFileStep } from "./cross-file-steps.js";
import { SARIF_SHARD_PROPERTY, type ShardInfo } from "./shard-info.js";

/** Orders findings the same way whatever order the shards come in. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.location.path < b.location.path ? -1 : a.location.path > b.location.path ? 1 : 0) ||
    a.location.startLine - b.location.startLine ||
    a.location.startColumn - b.location.startColumn ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0)
  );
}

/**
 * Joins shard outputs (vibeguard JSON or SARIF) into one scan result: findings deduplicated by
 * fingerprint and sorted, diagnostics deduplicated, then the cross-file steps run over every shard's
 * index data. Each file is named in the error when it is not a shard output.
 */
export async function mergeShardFiles(root: string, files: readonly string[], steps: readonly CrossFileStep[] = CROSS_FILE_STEPS): Promise<ScanResult & { shards: ShardInfo[] }> {
  const findings = new Map<string, Finding>();
  const diagnostics = new Map<string, Diagnostic>();
  const shards: ShardInfo[] = [];
  const scanned = new Set<string>();
  const engines = new Set<EngineName>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      throw new UsageError(`cannot read shard output ${file}`, "pass the JSON or SARIF files the shards wrote");
    }
    const parsed = readResults(text, file);
    for (const f of parsed.findings) findings.set(f.fingerprint, f);
    for (const d of parsed.diagnostics) diagnostics.set(JSON.stringify([d.engine, d.kind, d.path, d.line, d.message]), d);
    const info = shardInfoOf(JSON.parse(text) as Record<string, unknown>);
    if (info) {
      shards.push(info);
      for (const f of info.files) scanned.add(f);
      for (const engine of info.enginesRun) engines.add(engine);
    } else {
      for (const f of parsed.findings) scanned.add(f.location.path);
    }
  }
  const merged = [...findings.values()];
  for (const step of steps) {
    const indexes = shards.flatMap((s) => (s.indexes[step.name] === undefined ? [] : [s.indexes[step.name]]));
    // A shard matched only its own files; the step sees them all, so its findings replace the shards'.
    if (indexes.length && step.ruleIds?.length) {
      for (const [fingerprint, f] of findings) if (step.ruleIds.includes(f.ruleId)) findings.delete(fingerprint);
    }
    for (const f of await step.run({ root, indexes, findings: merged })) if (!findings.has(f.fingerprint)) findings.set(f.fingerprint, f);
  }
  const files_ = [...scanned].sort();
  return {
    root,
    suppressed: [],
    findings: [...findings.values()].sort(compareFindings),
    diagnostics: [...diagnostics.values()],
    filesScanned: files_.length,
    enginesRun: engines.size ? [...engines] : ["eslint"],
    files: files_,
    shards,
  };
}

function shardInfoOf(data: Record<string, unknown>): ShardInfo | undefined {
  const fromJson = data.shard as ShardInfo | undefined;
  const runs = data.runs as Array<{ properties?: Record<string, unknown> }> | undefined;
  const fromSarif = runs?.[0]?.properties?.[SARIF_SHARD_PROPERTY] as ShardInfo | undefined;
  const info = fromJson ?? fromSarif;
  return info && Array.isArray(info.files) ? { ...info, indexes: info.indexes ?? {}, enginesRun: info.enginesRun ?? [] } : undefined;
}
