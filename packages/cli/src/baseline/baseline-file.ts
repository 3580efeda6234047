import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FINGERPRINT_VERSION, type Finding, type Severity } from "@vibeguard/core";
import { UsageError } from "../errors.js";

/** Where `vibeguard baseline update` writes when no file is named. */
export const DEFAULT_BASELINE_FILE = ".vibeguard/baseline.json";

/**
 * One accepted finding. Matching is by `fingerprint` alone (rule + path + normalised code); the
 * line and message are kept only to report where a fixed finding used to be and whether one moved.
 */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  severity: Severity;
  path: string;
  startLine: number;
  message: string;
}

export interface Baseline {
  version: 1;
  /** Fingerprints of another recipe are not comparable; reading such a baseline is an error. */
  fingerprintVersion: string;
  createdAt: string;
  /** HEAD when the baseline was written, if the project is a git repository. */
  commit?: string;
  findings: BaselineEntry[];
}

export function baselineFromFindings(findings: readonly Finding[], commit: string | undefined, now = new Date()): Baseline {
  const entries = findings
    .map((f) => ({
      fingerprint: f.fingerprint,
      ruleId: f.ruleId,
      severity: f.severity,
      path: f.location.path,
      startLine: f.location.startLine,
      message: f.message,
    }))
    .sort((a, b) => a.path.localeCompare(b.path) || a.startLine - b.startLine || a.fingerprint.localeCompare(b.fingerprint));
  return { version: 1, fingerprintVersion: FINGERPRINT_VERSION, createdAt: now.toISOString(), ...(commit ? { commit } : {}), findings: entries };
}

export function writeBaseline(file: string, baseline: Baseline): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

/** Reads and checks a baseline file; every problem is a UsageError naming the file as the user wrote it (`file`). */
export function readBaseline(absolutePath: string, file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(absolutePath, "utf8");
  } catch {
    throw new UsageError(`baseline file ${file} cannot be read`, "write one with `vibeguard baseline update`, or check the path");
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`baseline file ${file} is not valid JSON (${(error as Error).message})`, "regenerate it with `vibeguard baseline update`");
  }
  const baseline = data as Partial<Baseline>;
  if (typeof data !== "object" || data === null || baseline.version !== 1 || !Array.isArray(baseline.findings)) {
    throw new UsageError(`baseline file ${file} is not a vibeguard baseline (version 1 with a "findings" list)`, "regenerate it with `vibeguard baseline update`");
  }
  if (baseline.fingerprintVersion !== FINGERPRINT_VERSION) {
    throw new UsageError(
      `baseline file ${file} was written with fingerprints ${String(baseline.fingerprintVersion)}; this vibeguard uses ${FINGERPRINT_VERSION}`,
      "regenerate it with `vibeguard baseline update`",
    );
  }
  baseline.findings.forEach((entry, index) => {
    if (typeof entry?.fingerprint !== "string" || typeof entry.ruleId !== "string" || typeof entry.path !== "string") {
      throw new UsageError(`baseline file ${file}: findings[${index}] needs a fingerprint, ruleId and path`, "regenerate it with `vibeguard baseline update`");
    }
  });
  return baseline as Baseline;
}
