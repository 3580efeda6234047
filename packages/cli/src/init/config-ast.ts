import { AST_NODE_TYPES, AST_TOKEN_TYPES, parse, type TSESTree } from "@typescript-eslint/typescript-estree";
import { UsageError } from "../errors.js";

export const PLUGIN_PACKAGE = "eslint-plugin-vibeguard";

export type ParsedConfig = TSESTree.Program & { tokens: TSESTree.Token[] };

/** Parses an ESLint config file (JS or TS, ESM or CommonJS) with locations and tokens. */
export function parseConfig(source: string, fileName: string): ParsedConfig {
  try {
    // No type information is used; tsconfigRootDir is set only so typescript-estree does not ask which of the
    // tsconfig roots other configs loaded in this process registered (typescript-eslint's config() does).
    return parse(source, { range: true, loc: true, tokens: true, comment: true, jsx: false, tsconfigRootDir: process.cwd() }) as ParsedConfig;
  } catch (error) {
    throw new UsageError(`${fileName} does not parse: ${(error as Error).message}`, "fix the syntax error, then run `vibeguard init` again");
  }
}

/** How the file loads modules: `import` (ESM) or `require` (CommonJS). */
export function moduleKind(program: ParsedConfig, fileName: string): "esm" | "cjs" {
  if (program.body.some((s) => s.type === AST_NODE_TYPES.ImportDeclaration || s.type === AST_NODE_TYPES.ExportDefaultDeclaration)) return "esm";
  if (moduleExportsAssignment(program) || /\.c[jt]s$/.test(fileName)) return "cjs";
  return "esm";
}

/** True when the file already loads eslint-plugin-vibeguard (import, require or dynamic import). */
export function loadsPlugin(program: ParsedConfig): boolean {
  return program.tokens.some((token) => token.type === AST_TOKEN_TYPES.String && token.value.slice(1, -1) === PLUGIN_PACKAGE);
}

/** The `module.exports = <expression>` statement, if the file has one at top level. */
function moduleExportsAssignment(program: ParsedConfig): TSESTree.AssignmentExpression | undefined {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const expression = statement.expression;
    if (
      expression.type === AST_NODE_TYPES.AssignmentExpression &&
      expression.left.type === AST_NODE_TYPES.MemberExpression &&
      expression.left.object.type === AST_NODE_TYPES.Identifier &&
      expression.left.object.name === "module" &&
      expression.left.property.type === AST_NODE_TYPES.Identifier &&
      expression.left.property.name === "exports"
    ) {
      return expression;
    }
  }
  return undefined;
}

/** Drops what does not change the value: `x satisfies T`, `x as T`, `<T>x`, `x!`. */
function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion ||
    current.type === AST_NODE_TYPES.TSNonNullExpression
  ) {
    current = current.expression;
  }
  return current;
}

/** The initial value of a top-level `const name = ...`. */
function topLevelInit(program: ParsedConfig, name: string): TSESTree.Expression | undefined {
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name && declarator.init) return declarator.init;
    }
  }
  return undefined;
}

/**
 * The expression the file exports as its config (`export default X` or `module.exports = X`), following one
 * `const X = ...` indirection and dropping type assertions.
 */
export function exportedConfig(program: ParsedConfig): TSESTree.Node | undefined {
  const exportDefault = program.body.find((s) => s.type === AST_NODE_TYPES.ExportDefaultDeclaration);
  let node: TSESTree.Node | undefined = exportDefault?.declaration ?? moduleExportsAssignment(program)?.right;
  if (!node) return undefined;
  node = unwrap(node);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const init = topLevelInit(program, node.name);
    node = init ? unwrap(init) : node;
  }
  return node;
}

/** Every identifier the file uses, so the plugin's binding can take a name that shadows none of them. */
export function identifiersInUse(program: ParsedConfig): Set<string> {
  const names = new Set<string>();
  for (const token of program.tokens) if (token.type === AST_TOKEN_TYPES.Identifier) names.add(token.value);
  return names;
}
