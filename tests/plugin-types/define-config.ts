// An eslint.config.ts written with ESLint's defineConfig(): each preset is one element, as README shows.
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import vibeguard from "eslint-plugin-vibeguard";

export const alone = defineConfig([vibeguard.configs.recommended]);

export const withTypeScriptEslint = defineConfig(
  tseslint.configs.recommended,
  vibeguard.configs.recommended,
  { files: ["**/*.{ts,tsx,mts,cts}"], languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: "." } } },
  { rules: { "vibeguard/no-hardcoded-secret": ["error", { ignoredPaths: ["test/fixtures/**"] }] } },
);

export const withExtends = defineConfig({ files: ["src/**"], extends: [vibeguard.configs.strict] });

export const viaTseslintConfig = tseslint.config(tseslint.configs.recommended, vibeguard.configs.all);
