import type { TSESLint } from "@typescript-eslint/utils";
import { catalog } from "@vibeguard/core/catalog";
import { rules } from "./rules/index.js";
import { buildConfigs } from "./configs.js";

const plugin = {
  meta: { name: "eslint-plugin-vibeguard", version: "0.1.0", namespace: "vibeguard" },
  rules,
  configs: {} as ReturnType<typeof buildConfigs>,
} satisfies TSESLint.FlatConfig.Plugin;

// Configs embed the plugin object itself, so they are filled in after it exists.
plugin.configs = buildConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin, catalog);

export default plugin;
export { rules };
export const configs = plugin.configs;
