// vibeguard in the editor, end to end: the real `vscode-eslint-language-server` (what VS Code's ESLint extension,
// Neovim, Helix and Zed run) on a project whose eslint.config.js uses `vibeguard.configs.recommended`, driven the
// way an editor drives it, once per supported ESLint major.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docsUrl, getCatalogEntry } from "@vibeguard/core/catalog";
import vibeguard from "eslint-plugin-vibeguard";
import { EDITOR_CASES, PROJECT_FILES } from "./editor-lsp/cases.js";
import { EslintEditorSession, ruleIdOf } from "./editor-lsp/eslint-session.js";
import type { TextEdit } from "./editor-lsp/lsp-client.js";
import { createEditorProject, SERVER_SCRIPT } from "./editor-lsp/temp-project.js";

const ESLINT_MAJORS = [
  { label: "ESLint 10", eslintPackage: "eslint", major: "10" },
  { label: "ESLint 9", eslintPackage: "eslint9", major: "9" },
] as const;

const projectFiles = Object.assign({ ...PROJECT_FILES }, ...EDITOR_CASES.map((c) => ({ ...c.projectFiles, [c.file]: c.text }))) as Record<string, string>;
// The preset is one config object or an array of them, depending on the plugin's version.
const presetConfigs = [vibeguard.configs.recommended].flat() as { rules?: Record<string, unknown> }[];
const spreadPreset = Array.isArray(vibeguard.configs.recommended);
const presetRules = new Set(presetConfigs.flatMap((config) => Object.keys(config.rules ?? {})));
// Rules in the table that the preset leaves off (the analyzer- and deps-backed ones, which the CLI runs as their own
// engines) are turned on for the test, at their catalog level as a user would.
const extraRules = Object.fromEntries(
  [...new Set(EDITOR_CASES.flatMap((c) => c.rules))]
    .filter((id) => !presetRules.has(id))
    .map((id) => [id, getCatalogEntry(id.replace(/^vibeguard\//, "")).severity === "error" ? "error" : "warn"] as const),
);

it("the cases cover every family of the recommended preset", () => {
  const familyOf = (ruleId: string) => getCatalogEntry(ruleId.replace(/^vibeguard\//, "")).family;
  const presetFamilies = new Set([...presetRules].map(familyOf));
  expect(presetFamilies.size).toBeGreaterThan(0);
  const caseFamilies = new Set(EDITOR_CASES.flatMap((c) => c.rules).map(familyOf));
  expect([...presetFamilies].filter((family) => !caseFamilies.has(family)), "families without a row in tests/editor-lsp/cases.ts").toEqual([]);
});

describe.each(ESLINT_MAJORS)("$label through vscode-eslint-language-server", ({ eslintPackage, major }) => {
  let projectDir: string;
  let editor: EslintEditorSession;

  beforeAll(async () => {
    projectDir = createEditorProject(eslintPackage, projectFiles, { extraRules, spreadPreset });
    editor = await EslintEditorSession.start(SERVER_SCRIPT, projectDir);
  });

  afterAll(async () => {
    await editor?.close();
    if (projectDir) rmSync(projectDir, { recursive: true, force: true });
  });

  it.each(EDITOR_CASES)("$file gets exactly the expected rules", async ({ file, text, rules }) => {
    editor.open(file, text);
    const diagnostics = await editor.diagnostics(file);
    const got = [...new Set(diagnostics.map(ruleIdOf))].sort();
    expect(got, `diagnostics: ${JSON.stringify(diagnostics, null, 1)}\nserver log:\n${editor.log}`).toEqual([...rules].sort());
    for (const diagnostic of diagnostics) {
      expect(diagnostic.source).toBe("eslint");
      const entry = getCatalogEntry(ruleIdOf(diagnostic).replace(/^vibeguard\//, ""));
      expect(diagnostic.codeDescription?.href).toBe(docsUrl(entry.id));
      // The preset's level, as the editor shows it: LSP severity 1 is an error, 2 a warning.
      expect(diagnostic.severity, ruleIdOf(diagnostic)).toBe(entry.severity === "error" ? 1 : 2);
      expect(diagnostic.range.start.line).toBeGreaterThan(0); // never the file-level fallback position of a crash
    }
  });

  it(`linted with the project's ESLint ${major}`, () => {
    // The server logs where it loaded ESLint from; that package's version tells which major did the work.
    expect(editor.loadedEslintVersion(), editor.log).toMatch(new RegExp(`^${major}\\.`));
  });

  it("offers the rule's suggestion as a quick fix, and re-lints the edited buffer without the finding", async () => {
    const file = "src/sql-quick-fix.js";
    const text = 'import { Pool } from "pg";\nconst pool = new Pool();\nexport const find = (id) => pool.query(`SELECT * FROM users WHERE id = ${id}`);\n';
    editor.open(file, text);
    const [diagnostic] = (await editor.diagnostics(file)).filter((d) => ruleIdOf(d) === "vibeguard/no-string-built-sql");
    expect(diagnostic, editor.log).toBeDefined();

    const actions = await editor.codeActions(file, diagnostic!);
    const titles = actions.map((action) => action.title);
    expect(titles).toEqual([
      "Use $1, $2, … placeholders and pass the values in a values array. (vibeguard/no-string-built-sql)",
      "Disable vibeguard/no-string-built-sql for this line",
      "Disable vibeguard/no-string-built-sql for the entire file",
      "Show documentation for vibeguard/no-string-built-sql",
    ]);

    // Choose the suggestion as the user would: the server answers with a workspace/applyEdit; apply it, send the
    // new (unsaved) buffer, pull again.
    const edits = await editor.execute(actions[0]!.command!, file);
    expect(edits.length, editor.log).toBeGreaterThan(0);
    const fixed = applyEdits(text, edits);
    expect(fixed).toContain("pool.query(`SELECT * FROM users WHERE id = $1`, [id])");
    editor.change(file, fixed);
    expect((await editor.diagnostics(file)).map(ruleIdOf)).toEqual([]);

    // And a keystroke that brings the problem back is seen too.
    editor.change(file, text);
    expect((await editor.diagnostics(file)).map(ruleIdOf)).toEqual(["vibeguard/no-string-built-sql"]);
  });
});

/** Applies LSP text edits (non-overlapping) to a text, last first so earlier offsets stay valid. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => lineStarts[p.line]! + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}
