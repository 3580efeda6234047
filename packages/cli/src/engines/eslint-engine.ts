import path from "node:path";
import tsParser from "@typescript-eslint/parser";
import type { Diagnostic, RawFinding } from "@vibeguard/core";
import { ESLint, type Linter } from "eslint";
import vibeguard from "eslint-plugin-vibeguard";
import type { Engine, EngineContext, EngineResult } from "./engine.js";
import { DirectiveLog } from "./eslint/directives.js";
import { otherSourceType, SourceTypeResolver, type JsSourceType } from "./eslint/source-type.js";

const PLUGIN_PREFIX = "vibeguard/";
const JS_FILE = /\.(?:js|jsx|mjs|cjs)$/;
const CHUNK_SIZE = 50;

/**
 * ESLint configuration: our rules only, JavaScript through espree with the given sourceType,
 * TypeScript through typescript-eslint's parser, plus the rule that records disable directives.
 */
function buildConfig(context: EngineContext, sourceType: JsSourceType, directives: DirectiveLog): Linter.Config[] {
  const rules: Linter.RulesRecord = { "vibeguard-scan/directives": "error" };
  for (const [id, { severity, options }] of context.rules) {
    const level = severity === "error" ? "error" : "warn";
    rules[`${PLUGIN_PREFIX}${id}`] = options ? [level, options] : level;
  }
  return [
    {
      name: `vibeguard/javascript-${sourceType}`,
      files: ["**/*.{js,jsx,mjs,cjs}"],
      languageOptions: { ecmaVersion: "latest", sourceType, parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      name: "vibeguard/typescript",
      files: ["**/*.{ts,tsx,mts,cts}"],
      languageOptions: { parser: tsParser as Linter.Parser },
    },
    {
      name: "vibeguard/rules",
      files: ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"],
      plugins: {
        vibeguard: vibeguard as unknown as ESLint.Plugin,
        "vibeguard-scan": { rules: { directives: directives.captureRule } },
      },
      linterOptions: { reportUnusedDisableDirectives: "off", reportUnusedInlineConfigs: "off" },
      rules,
    },
  ];
}

const eslintFor = (context: EngineContext, sourceType: JsSourceType, directives: DirectiveLog) =>
  new ESLint({
    cwd: context.root,
    overrideConfigFile: true,
    overrideConfig: buildConfig(context, sourceType, directives),
    ignore: false, // discovery already applied .gitignore and the built-in skips
    errorOnUnmatchedPattern: false,
  });

/**
 * ESLint marks both a parse failure and a bad inline comment (`/* eslint-env *\/`) fatal, but only the
 * first stops the file being linted; it is the one whose message says "Parsing error".
 */
const isParseError = (message: Linter.LintMessage) => message.fatal === true && message.message.startsWith("Parsing error");
const isParseFailure = (result: ESLint.LintResult) => result.messages.some(isParseError);

/**
 * Runs the plugin's rules through ESLint's Node API. Each JavaScript file is parsed with the sourceType
 * Node would give it, then with the other one if that fails; files that still fail become diagnostics.
 * Only directives that name a vibeguard rule turn its findings off; those are kept as suppressed.
 */
export const eslintEngine: Engine = {
  name: "eslint",
  async run(context: EngineContext): Promise<EngineResult> {
    const findings: RawFinding[] = [];
    const suppressed: RawFinding[] = [];
    const diagnostics: Diagnostic[] = [];
    if (context.files.length === 0 || context.rules.size === 0) return { findings, suppressed, diagnostics };

    const directives = new DirectiveLog();
    const linters = { module: eslintFor(context, "module", directives), commonjs: eslintFor(context, "commonjs", directives) };
    const sourceTypes = new SourceTypeResolver();
    const absolute = context.files.map((file) => path.join(context.root, file));
    const firstType = (file: string): JsSourceType => (JS_FILE.test(file) ? sourceTypes.preferred(file) : "module");

    const results: ESLint.LintResult[] = [];
    for (let start = 0; start < absolute.length; start += CHUNK_SIZE) {
      const chunk = absolute.slice(start, start + CHUNK_SIZE);
      for (const type of ["module", "commonjs"] as const) {
        const files = chunk.filter((file) => firstType(file) === type);
        if (!files.length) continue;
        for (const result of await lintChunk(linters[type], files, context, diagnostics)) {
          if (isParseFailure(result) && JS_FILE.test(result.filePath)) {
            // Sloppy-mode scripts (octal escapes, `with`) fail as modules, `import` fails as a script.
            const [retry] = await lintChunk(linters[otherSourceType(type)], [result.filePath], context, diagnostics);
            if (retry && !isParseFailure(retry)) {
              context.debug(`eslint: ${toRelative(context.root, result.filePath)} parsed as ${otherSourceType(type)} after failing as ${type}`);
              results.push(retry);
              continue;
            }
          }
          results.push(result);
        }
      }
      context.progress(Math.min(start + CHUNK_SIZE, absolute.length), absolute.length);
    }

    for (const result of results) {
      const file = toRelative(context.root, result.filePath);
      for (const message of result.messages) {
        if (isParseError(message)) {
          diagnostics.push(parseDiagnostic(file, message));
          continue;
        }
        // Messages without a rule are ESLint's remarks on inline comments (eslint-env, a rule configured twice): not failures.
        if (!message.ruleId) {
          context.debug(`eslint: ${file}${position(message)}: ${message.message}`);
          continue;
        }
        const finding = toFinding(file, message, context);
        if (finding) findings.push(finding);
      }
      for (const message of result.suppressedMessages) {
        const finding = toFinding(file, message, context);
        if (!finding) continue;
        const directive = directives.namingDirective(result.filePath, message.ruleId!, message.line, message.column);
        if (!directive) {
          // A blanket eslint-disable is written for other tools' rules; it does not turn vibeguard's checks off.
          findings.push(finding);
          continue;
        }
        suppressed.push({
          ...finding,
          suppression: { kind: "inSource", directive: directive.text, ...(directive.justification ? { justification: directive.justification } : {}) },
        });
      }
    }
    return { findings, suppressed, diagnostics };
  },
};

function toFinding(file: string, message: Linter.LintMessage, context: EngineContext): RawFinding | undefined {
  if (!message.ruleId?.startsWith(PLUGIN_PREFIX)) return undefined;
  const ruleId = message.ruleId.slice(PLUGIN_PREFIX.length);
  const rule = context.rules.get(ruleId);
  if (!rule) return undefined;
  return {
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
  };
}

/** ":line:column", ":line" or nothing: parsers give no position for a stack overflow, and 0 is no column. */
function position(message: Pick<Linter.LintMessage, "line" | "column">): string {
  const valid = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n > 0;
  if (!valid(message.line)) return "";
  return valid(message.column) ? `:${message.line}:${message.column}` : `:${message.line}`;
}

function parseDiagnostic(file: string, message: Linter.LintMessage): Diagnostic {
  const where = position(message);
  return {
    engine: "eslint",
    kind: "parse-error",
    path: file,
    ...(where ? { line: message.line } : {}),
    message: `${file}${where}: could not parse: ${message.message.replace(/^Parsing error: /, "")}`,
  };
}

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
