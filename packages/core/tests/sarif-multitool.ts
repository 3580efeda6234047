import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

export interface MultitoolIssue {
  ruleId: string;
  level: string;
  message: string;
}

/**
 * Validates a SARIF log with Microsoft's SARIF Multitool (schema + GitHub ingestion rules, "Gh;Sarif")
 * and returns what it reported. The npm package ships the validator binary for this platform.
 */
export function validateWithMultitool(log: unknown): MultitoolIssue[] {
  const require = createRequire(import.meta.url);
  const binary: string = require("@microsoft/sarif-multitool");
  const dir = mkdtempSync(path.join(tmpdir(), "vg-sarif-"));
  const input = path.join(dir, "input.sarif");
  const output = path.join(dir, "validation.sarif");
  writeFileSync(input, JSON.stringify(log, null, 2));
  execFileSync(binary, ["validate", "--rule-kind", "Gh;Sarif", input, "--output", output, "--log", "ForceOverwrite"], {
    stdio: "pipe",
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" },
  });
  const validation = JSON.parse(readFileSync(output, "utf8")) as {
    runs: { results?: { ruleId: string; level?: string; message: { text?: string; arguments?: string[] } }[] }[];
  };
  return (validation.runs[0]?.results ?? []).map((r) => ({
    ruleId: r.ruleId,
    level: r.level ?? "warning",
    message: r.message.text ?? (r.message.arguments ?? []).join(" | "),
  }));
}
