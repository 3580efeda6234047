// An eslint.config.ts typed as a plain Linter.Config[]: a preset is spread into it.
import type { ESLint, Linter } from "eslint";
import vibeguard from "eslint-plugin-vibeguard";

const plugin: ESLint.Plugin = vibeguard;
export const docsUrl: string | undefined = vibeguard.rules["no-hardcoded-secret"].meta?.docs?.url;

// @ts-expect-error a preset is an array of config objects, not one object (guards against `any` types)
export const notOneObject: Linter.Config = vibeguard.configs.recommended;
// @ts-expect-error only the plugin's own rule names are keys of `rules`
export const noSuchRule = vibeguard.rules["no-such-rule"];

const config: Linter.Config[] = [
  ...vibeguard.configs.recommended,
  { plugins: { vibeguard: plugin }, rules: { "vibeguard/require-retry": "off" } },
  { files: ["scripts/**"], rules: { "vibeguard/no-hardcoded-secret": ["warn", { ignoredPaths: ["scripts/fixtures/**"] }] } },
];

export default config;
