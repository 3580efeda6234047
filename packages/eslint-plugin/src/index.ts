import { catalog } from "@vibeguard/core/catalog";
import type { ESLint, Rule } from "eslint";
import { rules } from "./rules/index.js";
import { buildConfigs, type VibeguardConfigs } from "./configs.js";

export type { VibeguardConfigs } from "./configs.js";

/** The rule ids without the `vibeguard/` prefix. */
export type VibeguardRuleName = keyof typeof rules;

/**
 * The plugin as ESLint's own types describe a plugin, so that it fits `defineConfig()`, `Linter.Config[]`
 * and `plugins: { vibeguard }` on ESLint 9 and 10 alike (the rules are written with typescript-eslint's
 * stricter types, which ESLint's do not accept as they are).
 */
export interface VibeguardPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<VibeguardRuleName, Rule.RuleModule>;
  configs: VibeguardConfigs;
}

const plugin: VibeguardPlugin = {
  meta: { name: "eslint-plugin-vibeguard", version: "0.1.0", namespace: "vibeguard" },
  rules: rules as unknown as VibeguardPlugin["rules"],
  configs: {} as VibeguardConfigs,
};

// Configs embed the plugin object itself, so they are filled in after it exists.
plugin.configs = buildConfigs(plugin, catalog);

export default plugin;
export { rules };
export const configs = plugin.configs;
