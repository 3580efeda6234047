import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import tsParser from "@typescript-eslint/parser";
import { type ESLint, Linter } from "eslint";
import plugin from "eslint-plugin-vibeguard";
import { beforeAll, describe, expect, it } from "vitest";
import { eslintWithRules } from "../eslint-node-api.js";
import type * as Analyzer from "@vibeguard/analyzer/repo-index";

// The rule loads the built analyzer lazily; this is the same module instance, to look at its index.
const { RepoIndex, defaultCacheDir } = createRequire(import.meta.url)("@vibeguard/analyzer/repo-index") as typeof Analyzer;
const fixture = path.resolve(__dirname, "../../../../fixtures/analyzer/clones");

const eslintFor = (root: string) => eslintWithRules(root, { "vibeguard/no-duplicate-utility": "warn" });

describe("no-duplicate-utility through ESLint's Node API", () => {
  let root: string;
  let eslint: ESLint;
  const lint = async (file: string, text = readFileSync(path.join(root, file), "utf8")) => {
    const [result] = await eslint.lintText(text, { filePath: path.join(root, file) });
    return result!.messages;
  };

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "vibeguard-rule-"));
    cpSync(fixture, root, { recursive: true });
    eslint = eslintFor(root);
    await lint("src/lib/strings.ts"); // warms the index, as the first file an editor opens does
  });

  it("reports a copy in the file being linted, on its first line, naming the utility to import", async () => {
    const messages = await lint("src/routes/posts.ts");
    expect(messages).toEqual([
      expect.objectContaining({
        ruleId: "vibeguard/no-duplicate-utility",
        line: 7,
        endLine: 7,
        message: "`toSlug` in src/routes/posts.ts duplicates `slugify` in src/lib/strings.ts (100% similar); import it instead.",
      }),
    ]);
  });

  it("does not report the canonical copy itself, nor test files", async () => {
    expect(await lint("src/lib/strings.ts")).toEqual([]);
    expect(await lint("src/lib/collections.ts")).toEqual([]);
    expect(await lint("tests/strings.test.ts")).toEqual([]);
  });

  it("compares the unsaved buffer, not the file on disk", async () => {
    const onDisk = readFileSync(path.join(fixture, "src/services/batching.ts"), "utf8");
    expect(await lint("src/services/batching.ts", onDisk)).toHaveLength(1);
    const edited = onDisk.replace(/export function chunk[\s\S]*?\n}\n/, 'import { chunk } from "../lib/collections.js";\n');
    expect(await lint("src/services/batching.ts", edited)).toEqual([]);
    const newFile = `export function groupsOf<T>(list: readonly T[], n: number): T[][] {\n  if (n <= 0) throw new RangeError("n must be positive");\n  const out: T[][] = [];\n  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));\n  return out;\n}\n`;
    const messages = await lint("src/features/groups.ts", newFile);
    expect(messages.map((m) => m.message)).toEqual([
      "`groupsOf` in src/features/groups.ts duplicates `chunk` in src/lib/collections.ts (100% similar); import it instead.",
    ]);
  });

  it("keeps the index warm: linting again parses nothing, a changed file is re-parsed alone", async () => {
    const index = RepoIndex.for(root);
    const parsed = index.parsedFiles;
    expect(parsed).toBeGreaterThan(5);
    await lint("src/jobs/sync.ts");
    await lint("src/ui/badge.ts");
    expect(index.parsedFiles).toBe(parsed);

    const retryFile = path.join(root, "src/lib/retry.ts");
    writeFileSync(retryFile, readFileSync(retryFile, "utf8").replace("export async function retry<", "export async function retryAsync<"));
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the refresh interval
    const messages = await lint("src/jobs/sync.ts");
    expect(messages.map((m) => m.message)).toEqual([expect.stringMatching(/^`withRetries` in src\/jobs\/sync\.ts duplicates `retryAsync` in src\/lib\/retry\.ts \(\d\d% similar\); import it instead\.$/)]);
    expect(index.parsedFiles).toBe(parsed + 1);
  });

  it("starts warm from the on-disk cache: a new index of the same files parses none of them", async () => {
    const copy = mkdtempSync(path.join(tmpdir(), "vibeguard-rule-copy-"));
    cpSync(fixture, copy, { recursive: true });
    const fresh = RepoIndex.for(copy, { cacheDir: defaultCacheDir(root) });
    const duplicates = fresh.duplicatesIn("src/routes/posts.ts", readFileSync(path.join(copy, "src/routes/posts.ts"), "utf8"));
    expect(duplicates.map((d) => d.canonical.unit.name)).toEqual(["slugify"]);
    expect(fresh.parsedFiles).toBe(0);
  });

  it("stays silent on text linted without a file name", () => {
    const linter = new Linter({ configType: "flat" });
    const text = readFileSync(path.join(fixture, "src/services/batching.ts"), "utf8");
    const messages = linter.verify(text, [
      { languageOptions: { parser: tsParser as Linter.Parser }, plugins: { vibeguard: plugin as unknown as ESLint.Plugin }, rules: { "vibeguard/no-duplicate-utility": "warn" } },
    ]);
    expect(messages).toEqual([]);
  });
});
