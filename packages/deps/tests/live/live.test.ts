import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDependencies, defaultCacheDir } from "@vibeguard/deps";
import { LIVE_CASES, type LiveCase } from "./cases.js";

/**
 * Opt-in (VIBEGUARD_LIVE=1): the live case set against the real npm registry, no node_modules installed.
 * Prints recall and precision per case and overall; the targets are recall ≥ 95% and precision ≥ 98%.
 */
const LIVE = process.env.VIBEGUARD_LIVE === "1";
/** VIBEGUARD_LIVE_ONLY=redis: run the cases whose name contains it and print, without the overall targets. */
const ONLY = process.env.VIBEGUARD_LIVE_ONLY;

function lockfileFor(kind: LiveCase["lockfile"], pins: LiveCase["pins"]): [string, string] {
  const entries = Object.entries(pins);
  if (kind === "npm") {
    const packages: Record<string, object> = { "": { name: "live-case" } };
    for (const [name, [, version]] of entries) packages[`node_modules/${name}`] = { version };
    return ["package-lock.json", JSON.stringify({ name: "live-case", lockfileVersion: 3, requires: true, packages }, null, 2)];
  }
  if (kind === "pnpm") {
    const deps = entries.map(([name, [range, version]]) => `      ${name.includes("@") ? `'${name}'` : name}:\n        specifier: ${range}\n        version: ${version}\n`).join("");
    return ["pnpm-lock.yaml", `lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n${deps}`];
  }
  const blocks = entries.map(([name, [range, version]]) => `"${name}@${range}":\n  version "${version}"\n`).join("\n");
  return ["yarn.lock", `# yarn lockfile v1\n\n\n${blocks}`];
}

function materialize(testCase: LiveCase): string {
  const root = mkdtempSync(path.join(tmpdir(), "vg-live-"));
  const dependencies = Object.fromEntries(Object.entries(testCase.pins).map(([name, [range]]) => [name, range]));
  const [lockName, lockText] = lockfileFor(testCase.lockfile, testCase.pins);
  const files: Record<string, string> = { "package.json": JSON.stringify({ name: "live-case", private: true, dependencies }), [lockName]: lockText, ...testCase.files };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

interface Score {
  expected: number;
  truePositives: number;
  falsePositives: number;
  cleanLines: number;
  missed: string[];
  spurious: string[];
  /** Every finding's message (printed with VIBEGUARD_LIVE_ONLY, to read the evidence). */
  messages: string[];
}

async function score(testCase: LiveCase): Promise<Score> {
  const root = materialize(testCase);
  const result = await checkDependencies({ root, files: Object.keys(testCase.files), cacheDir: process.env.VIBEGUARD_CACHE_DIR ?? defaultCacheDir(tmpdir()) });
  const total: Score = { expected: 0, truePositives: 0, falsePositives: 0, cleanLines: 0, missed: [], spurious: [], messages: result.findings.map((f) => `${f.file}:${f.line} ${f.kind}: ${f.message}`) };
  for (const [file, text] of Object.entries(testCase.files)) {
    text.split("\n").forEach((line, index) => {
      const label = /\/\/ expect(?: (\d+))?\s*$/.exec(line);
      const want = label ? Number(label[1] ?? 1) : 0;
      const found = result.findings.filter((f) => f.file === file && f.line === index + 1);
      if (!label && line.trim()) total.cleanLines += 1;
      total.expected += want;
      total.truePositives += Math.min(want, found.length);
      total.falsePositives += Math.max(0, found.length - want);
      if (found.length < want) total.missed.push(`${file}:${index + 1} ${line.trim()}`);
      for (const f of found.slice(want)) total.spurious.push(`${file}:${index + 1} ${f.kind}: ${f.message}`);
    });
  }
  for (const d of result.diagnostics) total.spurious.push(`(diagnostic) ${d.code}: ${d.message}`);
  return total;
}

describe.runIf(LIVE)("live registry case set", () => {
  it("recall ≥ 95% and precision ≥ 98% with no node_modules", async () => {
    const scores: Array<[string, Score]> = [];
    for (const testCase of LIVE_CASES.filter((c) => !ONLY || c.name.includes(ONLY))) scores.push([testCase.name, await score(testCase)]);
    const sum = (key: "expected" | "truePositives" | "falsePositives" | "cleanLines") => scores.reduce((n, [, s]) => n + s[key], 0);
    const recall = sum("truePositives") / sum("expected");
    const precision = sum("truePositives") / (sum("truePositives") + sum("falsePositives"));
    const lines = scores.map(([name, s]) => `| ${name} | ${s.expected} | ${s.truePositives} | ${s.falsePositives} | ${s.cleanLines} |${s.missed.map((m) => `\n    missed ${m}`).join("")}${s.spurious.map((m) => `\n    spurious ${m}`).join("")}${ONLY ? s.messages.map((m) => `\n    found ${m}`).join("") : ""}`);
    console.log(
      [
        "| case | expected | found | false positives | clean lines |",
        "|---|---|---|---|---|",
        ...lines,
        `| total | ${sum("expected")} | ${sum("truePositives")} | ${sum("falsePositives")} | ${sum("cleanLines")} |`,
        `recall ${(recall * 100).toFixed(1)}%, precision ${(precision * 100).toFixed(1)}%`,
      ].join("\n"),
    );
    if (ONLY) return;
    expect(sum("expected")).toBeGreaterThanOrEqual(60);
    expect(sum("cleanLines")).toBeGreaterThanOrEqual(150);
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  }, 900_000);
});
