import tsParser from "@typescript-eslint/parser";
import type { CatalogEntry } from "@vibeguard/core/catalog";
import type { ESLint, Linter } from "eslint";

type RuleLevel = "error" | "warn";

/** Every extension the rules understand; the presets lint exactly these. */
export const javascriptFiles = ["**/*.js", "**/*.jsx", "**/*.mjs", "**/*.cjs"];
export const typescriptFiles = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"];
const sourceFiles = [...javascriptFiles, ...typescriptFiles];

/**
 * The plugin's flat configs. Each is an array, like typescript-eslint's and eslint-plugin-vue's presets,
 * because one object cannot give TypeScript files a parser without imposing it on JavaScript files too:
 * spread it into a plain array (`...vibeguard.configs.recommended`) or pass it as one element to
 * `defineConfig()` / `tseslint.config()`, which flatten nested arrays. (A type alias, not an interface,
 * because ESLint.Plugin wants `configs` to be a string-indexed record.)
 */
export type VibeguardConfigs = {
  /** Registers the plugin and sets up parsing (TypeScript parser for TS files, JSX in .jsx); no rules. */
  base: Linter.Config[];
  /** `base` plus the rules with few false positives, at their catalog severity. */
  recommended: Linter.Config[];
  /** `base` plus the recommended and the stricter rules. */
  strict: Linter.Config[];
  /** `base` plus every ESLint rule of the catalog. */
  all: Linter.Config[];
};

/**
 * The presets, derived from the catalog: `recommended` holds the entries whose preset is
 * "recommended"; `strict` adds the "strict" ones; `all` turns on every ESLint-engine rule.
 * Each level is the catalog's default severity ("note" runs as "warn" in ESLint).
 */
export function buildConfigs(plugin: ESLint.Plugin, catalog: readonly CatalogEntry[]): VibeguardConfigs {
  const eslintRules = catalog.filter((entry) => entry.engine === "eslint" && plugin.rules?.[entry.id]);
  const level = (entry: CatalogEntry): RuleLevel => (entry.severity === "error" ? "error" : "warn");
  const base: Linter.Config[] = [
    { name: "vibeguard/base", files: sourceFiles, plugins: { vibeguard: plugin } },
    // Only TypeScript files get typescript-eslint's parser: JavaScript keeps whatever parser the user has.
    { name: "vibeguard/base/typescript", files: typescriptFiles, languageOptions: { parser: tsParser as Linter.Parser } },
    { name: "vibeguard/base/jsx", files: ["**/*.jsx"], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  ];
  const preset = (name: string, include: (entry: CatalogEntry) => boolean): Linter.Config[] => [
    ...base,
    {
      name: `vibeguard/${name}`,
      files: sourceFiles,
      plugins: { vibeguard: plugin },
      rules: Object.fromEntries(
        eslintRules.filter(include).map((entry) => [`vibeguard/${entry.id}`, level(entry)]),
      ),
    },
  ];
  return {
    base,
    recommended: preset("recommended", (entry) => entry.preset === "recommended"),
    strict: preset("strict", () => true),
    all: preset("all", () => true),
  };
}
