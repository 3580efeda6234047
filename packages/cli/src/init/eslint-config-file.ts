import { existsSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";

/** The flat config names ESLint 9 and 10 look for, in ESLint's own order of preference. */
const FLAT_CONFIG_NAMES = ["eslint.config.js", "eslint.config.mjs", "eslint.config.cjs", "eslint.config.ts", "eslint.config.mts", "eslint.config.cts"];

const LEGACY_CONFIG_NAMES = [".eslintrc.js", ".eslintrc.cjs", ".eslintrc.yaml", ".eslintrc.yml", ".eslintrc.json", ".eslintrc"];

/** `file` is relative to the project folder; `dir` is the folder holding it (an ancestor for a monorepo's root config). */
export type EslintConfigTarget = { kind: "existing"; file: string; dir: string } | { kind: "new"; file: string; dir: string; text: string };

/**
 * The config file to edit, or the one to create. The nearest flat config from the project up to the repository
 * root is the one ESLint uses for the project's files (a monorepo's root config covers its packages), so that
 * one is edited: a new config in the package would shadow it. Without one, the new file is
 * `eslint.config.js` in an ESM package (`"type": "module"`), `eslint.config.mjs` otherwise, ESM either way.
 * A project still on eslintrc is refused: a new flat config would silently replace its rules.
 */
export function eslintConfigTarget(projectDir: string, repositoryRoot: string, packageType: string | undefined, spreadPreset: boolean): EslintConfigTarget {
  for (let dir = projectDir; ; dir = path.dirname(dir)) {
    const existing = FLAT_CONFIG_NAMES.find((name) => existsSync(path.join(dir, name)));
    if (existing) return { kind: "existing", file: path.relative(projectDir, path.join(dir, existing)).split(path.sep).join("/"), dir };
    if (dir === repositoryRoot || !dir.startsWith(repositoryRoot) || path.dirname(dir) === dir) break;
  }
  const legacy = LEGACY_CONFIG_NAMES.find((name) => existsSync(path.join(projectDir, name)));
  if (legacy) {
    throw new UsageError(
      `${legacy} is an eslintrc config; eslint-plugin-vibeguard needs a flat config (eslint.config.js)`,
      `migrate first with \`npx @eslint/migrate-config ${legacy}\`, then run \`vibeguard init\` again`,
    );
  }
  return { kind: "new", file: packageType === "module" ? "eslint.config.js" : "eslint.config.mjs", dir: projectDir, text: newConfig(spreadPreset) };
}

/** `spreadPreset`: the preset is an array of configs, spread into the exported array (see ConfigEditOptions). */
function newConfig(spreadPreset: boolean): string {
  return `import vibeguard from "eslint-plugin-vibeguard";

export default [
  // ...your other configs
  ${spreadPreset ? "..." : ""}vibeguard.configs.recommended,
];
`;
}
