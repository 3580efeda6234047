import { describe, expect, it } from "vitest";
import plugin from "eslint-plugin-vibeguard";
import { catalog } from "@vibeguard/core/catalog";

describe("plugin object", () => {
  it("has meta with the vibeguard namespace", () => {
    expect(plugin.meta).toMatchObject({ name: "eslint-plugin-vibeguard", namespace: "vibeguard" });
  });

  it("builds each preset from the catalog, embedding the plugin", () => {
    const eslintIds = catalog.filter((e) => e.engine === "eslint").map((e) => `vibeguard/${e.id}`);
    expect(Object.keys(plugin.configs.all.rules ?? {}).sort()).toEqual(eslintIds.sort());
    expect(plugin.configs.recommended.plugins?.vibeguard).toBe(plugin);
    expect(plugin.configs.recommended.name).toBe("vibeguard/recommended");
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
