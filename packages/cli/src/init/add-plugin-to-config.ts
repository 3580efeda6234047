import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESTree } from "@typescript-eslint/typescript-estree";
import { UsageError } from "../errors.js";
import { exportedConfig, identifiersInUse, loadsPlugin, moduleKind, parseConfig, PLUGIN_PACKAGE, type ParsedConfig } from "./config-ast.js";

export type ConfigEditResult = { status: "added"; text: string } | { status: "already-configured" };

export interface ConfigEditOptions {
  /**
   * True when the plugin's presets are arrays of configs (spread into the list: ESLint rejects a nested array
   * in an exported config array); false when they are single config objects (added as one element).
   */
  spreadPreset: boolean;
}

interface Insertion {
  at: number;
  text: string;
}

/**
 * Adds `vibeguard.configs.recommended` to an existing flat config and the import (or require) of the plugin.
 * The file is parsed and only text is inserted at the located positions, so its formatting and comments stay
 * as they were. A config whose shape cannot be followed is refused with a message saying what to add by hand.
 */
export function addPluginToConfig(source: string, fileName: string, { spreadPreset }: ConfigEditOptions): ConfigEditResult {
  const program = parseConfig(source, fileName);
  if (loadsPlugin(program)) return { status: "already-configured" };

  const used = identifiersInUse(program);
  const binding = ["vibeguard", "vibeguardPlugin", "eslintPluginVibeguard"].find((name) => !used.has(name))!;
  const presetText = `${spreadPreset ? "..." : ""}${binding}.configs.recommended`;

  const config = exportedConfig(program);
  const list = config && configList(config);
  if (!list) {
    throw new UsageError(
      `${fileName}: cannot tell where its config array is (${config ? `it exports a ${config.type}` : "no export default or module.exports found"})`,
      `add \`${importText(moduleKind(program, fileName), binding, '"', true)}\` and \`${presetText}\` to the exported config array by hand`,
    );
  }
  const insertions = [importInsertion(program, source, fileName, binding), ...listInsertions(program, source, list, presetText)];
  // Inserted line breaks follow the file's own (CRLF on a Windows checkout).
  const eol = source.includes("\r\n") ? "\r\n" : "\n";
  const text = applyInsertions(source, insertions.map((insertion) => ({ ...insertion, text: insertion.text.replace(/\n/g, eol) })));
  parseConfig(text, fileName); // The result must still parse; a failure here is a bug, reported with the file name.
  return { status: "added", text };
}

/** The list the preset joins: an exported array, the array inside `defineConfig([...])`, or the arguments of `tseslint.config(...)`. */
type ConfigList =
  | { kind: "array"; node: TSESTree.ArrayExpression }
  | { kind: "arguments"; node: TSESTree.CallExpression }
  | { kind: "object"; node: TSESTree.ObjectExpression };

function configList(node: TSESTree.Node): ConfigList | undefined {
  if (node.type === AST_NODE_TYPES.ArrayExpression) return { kind: "array", node };
  if (node.type === AST_NODE_TYPES.ObjectExpression) return { kind: "object", node };
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const [first] = node.arguments;
    if (node.arguments.length === 1 && first?.type === AST_NODE_TYPES.ArrayExpression) return { kind: "array", node: first };
    return { kind: "arguments", node };
  }
  return undefined;
}

function importText(kind: "esm" | "cjs", binding: string, quote: string, semicolon: boolean): string {
  const from = `${quote}${PLUGIN_PACKAGE}${quote}`;
  return `${kind === "esm" ? `import ${binding} from ${from}` : `const ${binding} = require(${from})`}${semicolon ? ";" : ""}`;
}

/** The import goes after the last top-level import (or require), in the file's quote and semicolon style. */
function importInsertion(program: ParsedConfig, source: string, fileName: string, binding: string): Insertion {
  const kind = moduleKind(program, fileName);
  const isModuleLoad = (statement: TSESTree.ProgramStatement) =>
    kind === "esm"
      ? statement.type === AST_NODE_TYPES.ImportDeclaration
      : statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.some((d) => d.init && /^\s*(await\s+)?(require|import)\s*\(/.test(source.slice(...d.init.range)));
  const loads = program.body.filter(isModuleLoad);
  const last = loads.at(-1);
  const firstString = program.tokens.find((token) => token.type === AST_TOKEN_TYPES.String);
  const quote = firstString?.value.startsWith("'") ? "'" : '"';
  const semicolon = last ? source[last.range[1] - 1] === ";" : source.includes(";");
  const statement = importText(kind, binding, quote, semicolon);
  if (last) return { at: last.range[1], text: `\n${statement}` };
  // No imports: before the first statement (after directives such as "use strict", below a header comment).
  const first = program.body.find((s) => !(s.type === AST_NODE_TYPES.ExpressionStatement && s.directive));
  return { at: first ? first.range[0] : source.length, text: `${statement}\n\n` };
}

function listInsertions(program: ParsedConfig, source: string, list: ConfigList, presetText: string): Insertion[] {
  if (list.kind === "object") {
    // A single config object becomes an array of it and the preset.
    return [
      { at: list.node.range[0], text: "[\n  " },
      { at: list.node.range[1], text: `,\n  ${presetText},\n]` },
    ];
  }
  const items = (list.kind === "array" ? list.node.elements : list.node.arguments).filter((item) => item !== null);
  const open = list.kind === "array" ? list.node.range[0] : openParen(program, list.node);
  const close = list.node.range[1] - 1; // the `]` or `)`
  const last = items.at(-1);
  if (!last) return [{ at: open + 1, text: presetText }];

  const tokenAfterLast = program.tokens.find((token) => token.range[0] >= last.range[1]);
  const trailingComma = tokenAfterLast?.type === AST_TOKEN_TYPES.Punctuator && tokenAfterLast.value === ",";
  const closeLineStart = source.lastIndexOf("\n", close - 1) + 1;
  const closeOnOwnLine = /^[ \t]*$/.test(source.slice(closeLineStart, close)) && closeLineStart > last.range[1];
  if (!closeOnOwnLine) {
    // `[a, b]` or `[a,\n  b]`: inline, right after the last item.
    return [{ at: last.range[1], text: `, ${presetText}` }];
  }
  // One item per line: a new line before the closing bracket, indented like the last item.
  const lastLineStart = source.lastIndexOf("\n", last.range[0] - 1) + 1;
  const indent = /^[ \t]*/.exec(source.slice(lastLineStart))![0];
  return [
    ...(trailingComma ? [] : [{ at: last.range[1], text: "," }]),
    { at: closeLineStart, text: `${indent}${presetText}${trailingComma ? "," : ""}\n` },
  ];
}

/** The `(` of a call's argument list (after the callee and any type arguments). */
function openParen(program: ParsedConfig, call: TSESTree.CallExpression): number {
  const afterCallee = call.typeArguments?.range[1] ?? call.callee.range[1];
  const paren = program.tokens.find((token) => token.range[0] >= afterCallee && token.value === "(");
  return paren!.range[0];
}

function applyInsertions(source: string, insertions: Insertion[]): string {
  // Last first, so earlier offsets stay valid; at the same offset, keep the given order.
  const ordered = insertions.map((insertion, index) => ({ ...insertion, index })).sort((a, b) => b.at - a.at || b.index - a.index);
  return ordered.reduce((text, { at, text: inserted }) => text.slice(0, at) + inserted + text.slice(at), source);
}
