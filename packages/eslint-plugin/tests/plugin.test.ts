import { describe, expect, it } from "vitest";
import plugin from "eslint-plugin-vibeguard";
import { catalog } from "@vibeguard/core/catalog";

describe("plugin object", () => {
  it("has meta with the vibeguard namespace", () => {
    expect(plugin.meta).toMatchObject({ name: "eslint-plugin-vibeguard", namespace: "vibeguard" });
  });

  it("builds each preset from the catalog, embedding the plugin", () => {
    const eslintIds = catalog.filter((e) => e.engine === "eslint").map((e) => `vibeguard/${e.id}`);
    const rulesOf = (preset: typeof plugin.configs.all) => preset.at(-1)!;
    expect(Object.keys(rulesOf(plugin.configs.all).rules ?? {}).sort()).toEqual(eslintIds.sort());
    expect(rulesOf(plugin.configs.recommended).plugins?.vibeguard).toBe(plugin);
    expect(plugin.configs.base[0]!.plugins?.vibeguard).toBe(plugin);
    expect(rulesOf(plugin.configs.recommended).name).toBe("vibeguard/recommended");
  });

  it("derives meta.docs from the catalog", () => {
    for (const [id, rule] of Object.entries(plugin.rules)) {
      const entry = catalog.find((e) => e.id === id);
      expect(entry, `catalog entry for ${id}`).toBeDefined();
      expect(rule.meta.docs?.description).toBe(entry?.description);
      expect(rule.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
    }
  });
});
