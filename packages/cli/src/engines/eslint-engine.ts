import path from "node:path";
import tsParser from "@typescript-eslint/parser";
import type { Diagnostic, RawFinding } from "@vibeguard/core";
import { ESLint, type Linter } from "eslint";
import vibeguard from "eslint-plugin-vibeguard";
import type { Engine, EngineContext, EngineResult } from "./engine.js";

const PLUGIN_PREFIX = "vibeguard/";

/** ESLint configuration: our rules only, JS through espree, TypeScript through typescript-eslint's parser. */
function buildConfig(context: EngineContext): Linter.Config[] {
  const rules: Linter.RulesRecord = {};
  for (const [id, { severity }] of context.rules) rules[`${PLUGIN_PREFIX}${id}`] = severity === "error" ? "error" : "warn";
  return [
    {
      name: "vibeguard/javascript",
      files: ["**/*.{js,jsx,mjs,cjs}"],
      languageOptions: { ecmaVersion: "latest", sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    { name: "vibeguard/commonjs", files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs" } },
    {
      name: "vibeguard/typescript",
      files: ["**/*.{ts,tsx,mts,cts}"],
      languageOptions: { parser: tsParser as Linter.Parser },
    },
    {
      name: "vibeguard/rules",
      files: ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"],
      plugins: { vibeguard: vibeguard as unknown as ESLint.Plugin },
      linterOptions: { reportUnusedDisableDirectives: "off" },
      rules,
    },
  ];
}

/** Runs the plugin's rules through ESLint's Node API; files that fail to parse become diagnostics. */
export const eslintEngine: Engine = {
  name: "eslint",
  async run(context: EngineContext): Promise<EngineResult> {
    const findings: RawFinding[] = [];
    const diagnostics: Diagnostic[] = [];
    if (context.files.length === 0 || context.rules.size === 0) return { findings, diagnostics };

    const eslint = new ESLint({
      cwd: context.root,
      overrideConfigFile: true,
      overrideConfig: buildConfig(context),
      ignore: false, // discovery already applied .gitignore and the built-in skips
      errorOnUnmatchedPattern: false,
    });
    const absolute = context.files.map((file) => path.join(context.root, file));

    // Lint in chunks: the progress bar moves, and a rule crash costs one chunk's retry, not the run.
    const results: ESLint.LintResult[] = [];
    for (let start = 0; start < absolute.length; start += CHUNK_SIZE) {
      const chunk = absolute.slice(start, start + CHUNK_SIZE);
      results.push(...(await lintChunk(eslint, chunk, context, diagnostics)));
      context.progress(Math.min(start + CHUNK_SIZE, absolute.length), absolute.length);
    }

    for (const result of results) {
      const file = toRelative(context.root, result.filePath);
      for (const message of result.messages) {
        if (message.fatal || !message.ruleId) {
          diagnostics.push({
            engine: "eslint",
            kind: "parse-error",
            path: file,
            line: message.line,
            message: `${file}:${message.line}:${message.column}: could not parse: ${message.message.replace(/^Parsing error: /, "")}`,
          });
          continue;
        }
        if (!message.ruleId.startsWith(PLUGIN_PREFIX)) continue;
        const ruleId = message.ruleId.slice(PLUGIN_PREFIX.length);
        const rule = context.rules.get(ruleId);
        if (!rule) continue;
        findings.push({
          ruleId,
          message: message.message,
          severity: rule.severity,
          location: {
            path: file,
            startLine: message.line,
            startColumn: message.column,
            ...(message.endLine !== undefined ? { endLine: message.endLine } : {}),
            ...(message.endColumn !== undefined ? { endColumn: message.endColumn } : {}),
          },
        });
      }
    }
    return { findings, diagnostics };
  },
};

const CHUNK_SIZE = 50;

async function lintChunk(eslint: ESLint, files: string[], context: EngineContext, diagnostics: Diagnostic[]): Promise<ESLint.LintResult[]> {
  try {
    return await eslint.lintFiles(files);
  } catch (error) {
    // A rule crashed on some file; lint one by one so the crash costs that file only.
    context.debug(`eslint: chunk failed (${(error as Error).message.split("\n")[0]}); retrying file by file`);
    const results: ESLint.LintResult[] = [];
    for (const file of files) {
      try {
        results.push(...(await eslint.lintFiles([file])));
      } catch (fileError) {
        const rel = toRelative(context.root, file);
        diagnostics.push({
          engine: "eslint",
          kind: "engine-error",
          path: rel,
          message: `${rel}: ESLint failed on this file: ${(fileError as Error).message.split("\n")[0]}`,
        });
      }
    }
    return results;
  }
}

function toRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}
