import { existsSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The language server from the lockfile's `vscode-langservers-extracted`. */
export const SERVER_SCRIPT = path.join(REPO_ROOT, "node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server");

const PLUGIN_DIR = path.join(REPO_ROOT, "packages/eslint-plugin");

type RuleLevel = "error" | "warn";

// What a user's project gets after `npm install -D eslint eslint-plugin-vibeguard`, plus the TS parser (for a
// preset that does not set it up itself), plus any rule under test that the preset does not turn on.
// `spreadPreset`: the preset is an array of configs, which a plain exported array must spread.
function eslintConfig(extraRules: Readonly<Record<string, RuleLevel>>, spreadPreset: boolean): string {
  const entries = Object.entries(extraRules);
  const extra = entries.length > 0 ? `  { rules: { ${entries.map(([id, level]) => `${JSON.stringify(id)}: ${JSON.stringify(level)}`).join(", ")} } },\n` : "";
  return `import tsParser from "@typescript-eslint/parser";
import vibeguard from "eslint-plugin-vibeguard";

export default [
  { files: ["**/*.ts"], languageOptions: { parser: tsParser } },
  ${spreadPreset ? "..." : ""}vibeguard.configs.recommended,
${extra}];
`;
}

/**
 * Writes a project in the system temp folder whose node_modules link to the workspace's packages: `eslint` is
 * the given workspace package (`eslint` for 10, `eslint9` for 9), `eslint-plugin-vibeguard` is the built plugin.
 * `options.extraRules` (full ids → level) are turned on beside the recommended preset.
 * Links keep it fast and offline; Node resolves each package's own dependencies from its real location.
 */
export function createEditorProject(
  eslintPackage: "eslint" | "eslint9",
  files: Record<string, string>,
  options: { extraRules: Readonly<Record<string, RuleLevel>>; spreadPreset: boolean },
): string {
  if (!existsSync(path.join(PLUGIN_DIR, "dist/index.js"))) {
    throw new Error(`${PLUGIN_DIR}/dist is missing: run \`pnpm build\` before this test`);
  }
  const root = mkdtempSync(path.join(tmpdir(), "vg-lsp-"));
  const link = (name: string, target: string) => {
    const at = path.join(root, "node_modules", name);
    mkdirSync(path.dirname(at), { recursive: true });
    symlinkSync(realpathSync(target), at, "dir");
  };
  link("eslint", path.join(REPO_ROOT, "node_modules", eslintPackage));
  link("eslint-plugin-vibeguard", PLUGIN_DIR);
  link("@typescript-eslint/parser", path.join(REPO_ROOT, "node_modules/@typescript-eslint/parser"));

  const all: Record<string, string> = {
    "package.json": `${JSON.stringify({ name: "editor-project", private: true, type: "module" }, null, 2)}\n`,
    "eslint.config.js": eslintConfig(options.extraRules, options.spreadPreset),
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return realpathSync(root);
}
