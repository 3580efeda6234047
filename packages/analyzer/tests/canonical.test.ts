import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeFolder, git, writeTree } from "./helpers.js";

const formatDate = (name: string, exported: boolean) => `${exported ? "export " : ""}function ${name}(date: Date): string {
  const year = date.getUTCFullYear();
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  const day = String(date.getUTCDate()).padStart(2, "0");
  return \`\${year}-\${month}-\${day}\`;
}
`;

const canonicalOf = async (root: string) => {
  const { duplicates } = await analyzeFolder(root);
  expect(duplicates.length).toBeGreaterThan(0);
  return `${duplicates[0]!.canonical.file}#${duplicates[0]!.canonical.unit.name}`;
};

describe("choosing the copy to keep", () => {
  it("prefers the one other files already import over one in a utils folder", async () => {
    const root = writeTree({
      "src/lib/dates.ts": formatDate("formatDate", true),
      "src/reports/day.ts": formatDate("formatDay", true),
      "src/reports/page.ts": `import { formatDay } from "./day.js";\nexport const title = (d: Date) => formatDay(d);\n`,
    });
    expect(await canonicalOf(root)).toBe("src/reports/day.ts#formatDay");
  });

  it("resolves imports through path aliases like @/lib/x", async () => {
    const root = writeTree({
      "src/lib/dates.ts": formatDate("formatDate", true),
      "src/reports/day.ts": formatDate("formatDay", true),
      "src/app/page.tsx": `import { formatDay } from "@/reports/day";\nexport const title = (d: Date) => formatDay(d);\n`,
    });
    expect(await canonicalOf(root)).toBe("src/reports/day.ts#formatDay");
  });

  it("prefers an exported copy over a private one", async () => {
    const root = writeTree({
      "src/a/first.ts": formatDate("localFormat", false),
      "src/b/second.ts": formatDate("formatIso", true),
    });
    expect(await canonicalOf(root)).toBe("src/b/second.ts#formatIso");
  });

  it("prefers the copy in a utils, lib or shared folder when both are exported", async () => {
    const root = writeTree({
      "src/a/first.ts": formatDate("formatA", true),
      "src/shared/second.ts": formatDate("formatB", true),
    });
    expect(await canonicalOf(root)).toBe("src/shared/second.ts#formatB");
    const message = (await analyzeFolder(root)).duplicates[0]!.message;
    expect(message).toBe("`formatA` in src/a/first.ts duplicates `formatB` in src/shared/second.ts (100% similar); import it instead");
  });

  it("otherwise keeps the copy that is oldest in git history", async () => {
    const root = writeTree({ "src/z/older.ts": formatDate("formatOld", true) });
    git(root, "init", "-q");
    git(root, "add", ".");
    git(root, "commit", "-q", "-m", "first", "--date", "2020-01-01T00:00:00Z");
    mkdirSync(path.join(root, "src/a"));
    writeFileSync(path.join(root, "src/a/newer.ts"), formatDate("formatNew", true));
    git(root, "add", ".");
    git(root, "commit", "-q", "-m", "second");
    // Without history, path order would pick src/a/newer.ts.
    expect(await canonicalOf(root)).toBe("src/z/older.ts#formatOld");
  });

  it("tells the user to export a private canonical copy before importing it", async () => {
    const root = writeTree({ "src/x.ts": formatDate("one", false), "src/y.ts": formatDate("two", false) });
    const { duplicates } = await analyzeFolder(root);
    expect(duplicates[0]!.message).toMatch(/; export it and import it instead$/);
  });
});
