import type { TSESLint } from "@typescript-eslint/utils";
import type { CatalogEntry } from "@vibeguard/core/catalog";

type FlatConfig = TSESLint.FlatConfig.Config;
type RuleLevel = "error" | "warn";

/**
 * The presets, derived from the catalog: `recommended` holds the entries whose preset is
 * "recommended"; `strict` adds the "strict" ones; `all` turns on every ESLint-engine rule.
 * Each level is the catalog's default severity ("note" runs as "warn" in ESLint).
 */
export function buildConfigs(plugin: TSESLint.FlatConfig.Plugin, catalog: readonly CatalogEntry[]) {
  const eslintRules = catalog.filter((entry) => entry.engine === "eslint" && plugin.rules?.[entry.id]);
  const level = (entry: CatalogEntry): RuleLevel => (entry.severity === "error" ? "error" : "warn");
  const preset = (name: string, include: (entry: CatalogEntry) => boolean): FlatConfig => ({
    name: `vibeguard/${name}`,
    plugins: { vibeguard: plugin },
    rules: Object.fromEntries(
      eslintRules.filter(include).map((entry) => [`vibeguard/${entry.id}`, level(entry)]),
    ),
  });
  return {
    recommended: preset("recommended", (entry) => entry.preset === "recommended"),
    strict: preset("strict", () => true),
    all: preset("all", () => true),
  };
}
