import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readResults, type Finding } from "@vibeguard/core";
import { discoverFiles } from "@vibeguard/core";
import { compareFindings, mergeShardFiles } from "../src/shard/merge-results.js";
import { filesOfShard, parseShard } from "../src/shard/shard-files.js";
import { runCli } from "./run-cli.js";

const repo = path.resolve(__dirname, "../../..");
const demo = path.join(repo, "fixtures/demo-app");
const sorted = (findings: Finding[]) => JSON.stringify([...findings].sort(compareFindings), null, 2);

describe("--shard i/n", () => {
  let files: string[];
  beforeAll(async () => {
    files = (await discoverFiles({ root: demo, paths: [] })).files;
  });

  it("splits the file set into disjoint shards that cover it, the same way every time", () => {
    const shards = [1, 2, 3].map((index) => filesOfShard(demo, files, { index, count: 3 }));
    expect(shards.flat().sort()).toEqual([...files].sort());
    expect(new Set(shards.flat()).size).toBe(files.length);
    expect([1, 2, 3].map((index) => filesOfShard(demo, [...files].reverse(), { index, count: 3 }))).toEqual(shards);
  });

  it("balances shards by size: no shard exceeds another by more than the largest file", () => {
    const bytes = (list: string[]) => list.reduce((sum, f) => sum + statSync(path.join(demo, f)).size, 0);
    const loads = [1, 2, 3].map((index) => bytes(filesOfShard(demo, files, { index, count: 3 })));
    const largest = Math.max(...files.map((f) => statSync(path.join(demo, f)).size));
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(largest);
  });

  it("rejects shard specs that are not i/n with 1 ≤ i ≤ n", () => {
    for (const bad of ["0/3", "4/3", "1/0", "a/b", "2"]) expect(() => parseShard(bad)).toThrow(/is not i\/n/);
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
  });
});

describe("vibeguard merge", () => {
  it("joins three shards of the demo app into exactly the single run's findings (JSON and SARIF)", () => {
    const out = mkdtempSync(path.join(tmpdir(), "vg-shards-"));
    const single = runCli(["scan", "--format", "json", "--fail-on", "never"], demo);
    const shardFiles = [1, 2, 3].map((i) => {
      const file = path.join(out, `shard-${i}.${i === 2 ? "sarif" : "json"}`);
      const run = runCli(["scan", "--shard", `${i}/3`, "--format", i === 2 ? "sarif" : "json", "-o", file, "--fail-on", "never"], demo);
      expect(run.code).toBe(0);
      return file;
    });
    const shardFindings = shardFiles.map((f) => readResults(readFileSync(f, "utf8"), f).findings.length);
    expect(shardFindings.filter((n) => n > 0).length).toBeGreaterThan(1);

    const merged = runCli(["merge", ...shardFiles, "--format", "json", "-o", path.join(out, "merged.json"), "--fail-on", "never"], demo);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toMatch(/merged 3 output\(s\) \(1\/3, 2\/3, 3\/3\)/);
    const mergedFindings = readResults(readFileSync(path.join(out, "merged.json"), "utf8"), "merged").findings;
    const singleFindings = readResults(single.stdout, "single").findings;
    expect(singleFindings.length).toBeGreaterThan(10);
    expect(sorted(mergedFindings)).toBe(sorted(singleFindings));

    // The merged result fails like the single run would, and renders a report.
    expect(runCli(["merge", ...shardFiles], demo).code).toBe(1);
    const html = runCli(["merge", ...shardFiles, "--format", "html", "--fail-on", "never"], demo);
    expect(html.stdout).toContain(`<span class="num">${singleFindings.length}</span><span class="lbl">findings`);
  });

  it("runs cross-file steps over every shard's index data, so a duplicate split across shards is found", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "vg-merge-"));
    // Each shard carries per-file index data (here: a body hash per function) under the step's name.
    const shard = (index: number, file: string, hash: string) => {
      const name = path.join(out, `shard-${index}.json`);
      const shardInfo = { index, count: 2, files: [file], enginesRun: ["eslint"], indexes: { "test-duplicates": [{ path: file, line: 1, hash }] } };
      writeFileSync(name, JSON.stringify({ version: 1, tool: { name: "vibeguard", version: "0", informationUri: "x" }, findings: [], diagnostics: [], shard: shardInfo }));
      return name;
    };
    const files = [shard(1, "src/a/format-date.ts", "h1"), shard(2, "src/b/format-date.ts", "h1")];
    type Entry = { path: string; line: number; hash: string };
    const step = {
      name: "test-duplicates",
      run: ({ indexes }: { indexes: unknown[] }): Finding[] => {
        const entries = (indexes as Entry[][]).flat().sort((a, b) => a.path.localeCompare(b.path));
        const [canonical, copy] = entries;
        if (!canonical || !copy || canonical.hash !== copy.hash) return [];
        return [
          {
            ruleId: "no-duplicate-utility",
            message: `duplicates ${canonical.path}`,
            severity: "warning",
            location: { path: copy.path, startLine: copy.line, startColumn: 1 },
            related: [{ path: canonical.path, startLine: canonical.line, startColumn: 1 }],
            fingerprint: "dup-1",
          },
        ];
      },
    };
    const merged = await mergeShardFiles(out, files, [step]);
    expect(merged.files).toEqual(["src/a/format-date.ts", "src/b/format-date.ts"]);
    expect(merged.findings).toEqual([expect.objectContaining({ ruleId: "no-duplicate-utility", location: expect.objectContaining({ path: "src/b/format-date.ts" }) })]);
    expect((await mergeShardFiles(out, files.slice(0, 1), [step])).findings).toEqual([]);
  });

  it("finds the analyzer's duplicates whose copies landed in different shards: shard + merge equals the single run", () => {
    // A git repository of its own, so the canonical choice reads real history (blame) and imports at merge as in the single run.
    const root = mkdtempSync(path.join(tmpdir(), "vg-clone-shards-"));
    cpSync(path.join(repo, "fixtures/analyzer/clones"), root, { recursive: true });
    const git = (...args: string[]) => expect(spawnSync("git", args, { cwd: root, encoding: "utf8" }).status).toBe(0);
    git("init", "-q");
    git("-c", "user.name=T", "-c", "user.email=t@example.com", "add", ".");
    git("-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "clones");
    const out = mkdtempSync(path.join(tmpdir(), "vg-clone-shards-out-"));
    const json = (file: string) => JSON.parse(readFileSync(file, "utf8")) as { findings: Finding[]; shard: { files: string[]; indexes: Record<string, unknown> } };

    const single = runCli(["scan", "--only", "analyzer", "--format", "json", "-o", path.join(out, "single.json"), "--fail-on", "never"], root);
    expect(single.code).toBe(0);
    const singleFindings = json(path.join(out, "single.json")).findings;
    const duplicates = singleFindings.filter((f) => f.ruleId === "no-duplicate-utility");
    expect(duplicates.length).toBeGreaterThanOrEqual(4);

    const count = 3;
    const shardFiles = Array.from({ length: count }, (_, i) => {
      const file = path.join(out, `shard-${i + 1}.json`);
      expect(runCli(["scan", "--only", "analyzer", "--shard", `${i + 1}/${count}`, "--format", "json", "-o", file, "--fail-on", "never"], root).code).toBe(0);
      return file;
    });
    const shards = shardFiles.map(json);
    const shardOf = (file: string) => shards.findIndex((s) => s.shard.files.includes(file));
    // The premise: some duplicate's copy and canonical copy were scanned by different shards, so no shard alone found it.
    const crossShard = duplicates.filter((f) => shardOf(f.location.path) !== shardOf(f.related![0]!.path));
    expect(crossShard.length).toBeGreaterThan(0);
    const shardFound = new Set(shards.flatMap((s) => s.findings.map((f) => f.fingerprint)));
    for (const f of crossShard) expect(shardFound.has(f.fingerprint)).toBe(false);
    expect(shards.every((s) => s.shard.indexes.analyzer !== undefined)).toBe(true);

    const merged = runCli(["merge", ...shardFiles, "--format", "json", "-o", path.join(out, "merged.json"), "--fail-on", "never"], root);
    expect(merged.code).toBe(0);
    expect(sorted(json(path.join(out, "merged.json")).findings)).toBe(sorted(singleFindings));
  });

  it("exits 2 naming a file that is not a shard output", () => {
    const out = mkdtempSync(path.join(tmpdir(), "vg-merge-bad-"));
    writeFileSync(path.join(out, "notes.json"), '{"hello": 1}');
    const run = runCli(["merge", "notes.json"], out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("notes.json: is neither vibeguard JSON");
  });
});
