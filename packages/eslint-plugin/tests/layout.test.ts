// Each rule lives in src/rules/<id>/ with the helpers only it uses; src/util/ holds what two or more rules share.
// The test follows relative imports from each rule's index.ts, so it sees what a rule really reaches.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const src = path.resolve(__dirname, "../src");
const rulesDir = path.join(src, "rules");
const utilDir = path.join(src, "util");
const ruleIds = readdirSync(rulesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.{1,2}\/[^"]+)\.js"/g;

/** Every source file reachable from `entry` through relative imports. */
function reachableFiles(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) pending.push(path.resolve(path.dirname(file), `${match[1]}.ts`));
  }
  return seen;
}

const reach = new Map(ruleIds.map((id) => [id, reachableFiles(path.join(rulesDir, id, "index.ts"))]));

describe("rule folder layout", () => {
  it("no rule reaches into another rule's folder", () => {
    for (const [id, files] of reach) {
      const foreign = [...files].filter((file) => file.startsWith(rulesDir + path.sep) && !file.startsWith(path.join(rulesDir, id) + path.sep));
      expect(foreign.map((file) => path.relative(src, file)), id).toEqual([]);
    }
  });

  it("every file in src/util/ is used by two or more rules", () => {
    const utilFiles = readdirSync(utilDir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".ts"));
    expect(utilFiles.length).toBeGreaterThan(0);
    for (const name of utilFiles) {
      const file = path.join(utilDir, name);
      const users = [...reach].filter(([, files]) => files.has(file)).map(([id]) => id);
      expect(users.length, `src/util/${name} is used by ${users.join(", ") || "no rule"}; move it into that rule's folder`).toBeGreaterThanOrEqual(2);
    }
  });

  it("every file in a rule folder is used by that rule", () => {
    for (const [id, files] of reach) {
      for (const name of readdirSync(path.join(rulesDir, id)).filter((n) => n.endsWith(".ts"))) {
        expect(files.has(path.join(rulesDir, id, name)), `src/rules/${id}/${name} is not reached from its index.ts`).toBe(true);
      }
    }
  });
});
