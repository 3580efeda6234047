import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalog } from "@vibeguard/core/catalog";
import plugin from "eslint-plugin-vibeguard";

const repo = path.resolve(__dirname, "../../..");
const rulesDir = path.join(repo, "packages/eslint-plugin/src/rules");
const ruleFolders = readdirSync(rulesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const eslintEntries = catalog.filter((entry) => entry.engine === "eslint");
// The dependency rules report the deps engine's findings in the editor; their entries say engine: deps.
const eslintRuleIds = Object.keys(plugin.rules).filter((id) => catalog.find((entry) => entry.id === id)?.engine !== "deps");

const REQUIRED_SECTIONS = ["## Rule Details", "## Examples", "## Options", "## Why AI code does this", "## When Not To Use It", "## References"];

/** Top-level option names declared in a rule's schema (object schemas only). */
function optionNames(schema: unknown): string[] {
  const list = Array.isArray(schema) ? schema : [];
  return list.flatMap((item: { properties?: Record<string, unknown> }) => Object.keys(item?.properties ?? {}));
}

describe("catalog, rules and docs agree", () => {
  it("every rule folder is exported by the plugin, from its index.ts", () => {
    expect(Object.keys(plugin.rules).sort()).toEqual([...ruleFolders].sort());
    for (const id of ruleFolders) expect(existsSync(path.join(rulesDir, id, "index.ts")), `src/rules/${id}/index.ts`).toBe(true);
  });

  it("every ESLint rule has a catalog entry, and every eslint entry has a rule", () => {
    expect(eslintEntries.map((entry) => entry.id).sort()).toEqual(eslintRuleIds.sort());
  });

  it("every deps-engine entry has its editor rule", () => {
    const depsIds = catalog.filter((entry) => entry.engine === "deps").map((entry) => entry.id);
    expect(Object.keys(plugin.rules).filter((id) => depsIds.includes(id)).sort()).toEqual(depsIds.sort());
  });

  it("every catalog entry has a docs page", () => {
    for (const entry of catalog) expect(existsSync(path.join(repo, `docs/rules/${entry.id}.md`)), entry.id).toBe(true);
  });

  describe.each(Object.entries(plugin.rules))("%s", (id, rule) => {
    const doc = readFileSync(path.join(repo, `docs/rules/${id}.md`), "utf8");
    const entry = catalog.find((e) => e.id === id)!;

    it("has a docs page with the sections users look for", () => {
      for (const section of REQUIRED_SECTIONS) expect(doc, `${id}.md lacks "${section}"`).toContain(section);
      expect(doc).toMatch(/### ❌ Incorrect/);
      expect(doc).toMatch(/### ✅ Correct/);
    });

    it("states the catalog description in its page header", () => {
      expect(doc).toContain(entry.description);
      expect(rule.meta.docs?.description).toBe(entry.description);
    });

    it("documents every option", () => {
      const options = doc.slice(doc.indexOf("## Options"));
      for (const name of optionNames(rule.meta.schema)) expect(options, `option "${name}" of ${id}`).toContain(`\`${name}\``);
    });

    it("has messages that end with a period", () => {
      for (const [messageId, text] of Object.entries(rule.meta.messages)) {
        expect(text.trimEnd(), `${id}.${messageId}`).toMatch(/[.]$/);
      }
    });

    it("declares suggestions only when the catalog says it is fixable", () => {
      if (rule.meta.hasSuggestions) expect(entry.fixable).not.toBe("none");
    });
  });
});
