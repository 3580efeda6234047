import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { propertyKeyName } from "./ast.js";

/** What a local name is bound to: a module and the export read from it. */
export interface ModuleBinding {
  /** Module specifier as written, e.g. "pg", "node:https", "@fastify/cors". */
  source: string;
  /** "default", "*" (namespace or the whole CommonJS export) or the export's name. */
  imported: string;
}

// One map per AST: ESLint builds the AST afresh for every lint, and several rules ask for the same
// file's bindings, so the first rule to ask pays and the others read the same (read-only) map. The rules
// ask while ESLint lints one file at a time, so the last AST's map is all that is kept: one slot is cheaper
// than a WeakMap entry per file, and an ask about another AST only recomputes.
let lastProgram: TSESTree.Program | undefined;
let lastBindings: ReadonlyMap<string, ModuleBinding> = new Map();

/**
 * Maps the local names of a file to the modules they come from, covering the forms agents write:
 * `import x from "m"`, `import { a as b } from "m"`, `import * as ns from "m"`,
 * `const x = require("m")`, `const { a: b } = require("m")`, `const x = require("m").a`,
 * `const x = (await import("m")).default` and `const { a } = await import("m")`.
 * Top-level declarations are inspected, and one level into function, arrow-function and method
 * bodies (lazy `require`/`import()`);
 * a name that is rebound later keeps its first binding (good enough for sink detection).
 */
export function collectModuleBindings(program: TSESTree.Program): ReadonlyMap<string, ModuleBinding> {
  if (program !== lastProgram) {
    lastBindings = collectBindings(program);
    lastProgram = program;
  }
  return lastBindings;
}

function collectBindings(program: TSESTree.Program): Map<string, ModuleBinding> {
  const bindings = new Map<string, ModuleBinding>();
  const add = (name: string, binding: ModuleBinding) => {
    if (!bindings.has(name)) bindings.set(name, binding);
  };

  const visitDeclarator = (declarator: TSESTree.VariableDeclarator) => {
    if (!declarator.init) return;
    const required = requiredModule(declarator.init);
    if (!required) return;
    const { source, member } = required;
    if (declarator.id.type === AST_NODE_TYPES.Identifier) {
      add(declarator.id.name, { source, imported: member ?? "*" });
    } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && member === undefined) {
      for (const property of declarator.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = propertyKeyName(property);
        if (key && property.value.type === AST_NODE_TYPES.Identifier) add(property.value.name, { source, imported: key });
        if (key && property.value.type === AST_NODE_TYPES.AssignmentPattern && property.value.left.type === AST_NODE_TYPES.Identifier) {
          add(property.value.left.name, { source, imported: key });
        }
      }
    }
  };

  const visitStatement = (statement: TSESTree.Node) => {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      const source = String(statement.source.value);
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) add(specifier.local.name, { source, imported: "default" });
        else if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) add(specifier.local.name, { source, imported: "*" });
        else {
          const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value);
          add(specifier.local.name, { source, imported });
        }
      }
    } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const ref = statement.moduleReference;
      if (ref.type === AST_NODE_TYPES.TSExternalModuleReference && ref.expression.type === AST_NODE_TYPES.Literal) {
        add(statement.id.name, { source: String(ref.expression.value), imported: "*" });
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      visitDeclaration(statement);
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      if (statement.declaration) visitStatement(statement.declaration);
    } else if (statement.type === AST_NODE_TYPES.FunctionDeclaration) {
      // Requires and dynamic imports inside a function body (lazy loading) are common.
      visitFunctionBody(statement);
    } else if (statement.type === AST_NODE_TYPES.ClassDeclaration) {
      for (const member of statement.body.body) {
        if (member.type === AST_NODE_TYPES.MethodDefinition) visitFunctionBody(member.value);
      }
    }
  };

  const visitFunctionBody = (fn: TSESTree.FunctionLike) => {
    if (fn.body?.type === AST_NODE_TYPES.BlockStatement) fn.body.body.forEach(visitStatement);
  };

  const visitDeclaration = (declaration: TSESTree.VariableDeclaration) => {
    for (const declarator of declaration.declarations) {
      visitDeclarator(declarator);
      // `const load = async () => { const { default: axios } = await import("axios"); ... }`
      const init = declarator.init;
      if (init?.type === AST_NODE_TYPES.ArrowFunctionExpression || init?.type === AST_NODE_TYPES.FunctionExpression) {
        visitFunctionBody(init);
      }
    }
  };

  program.body.forEach(visitStatement);
  return bindings;
}

/** `require("m")`, `require("m").a`, `await import("m")`, `(await import("m")).a` → module and member. */
export function requiredModule(expression: TSESTree.Expression): { source: string; member?: string } | undefined {
  let node: TSESTree.Expression = expression;
  let member: string | undefined;
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
    member = node.property.name;
    node = node.object;
  }
  if (node.type === AST_NODE_TYPES.AwaitExpression) node = node.argument;
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === "require" &&
    node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof node.arguments[0].value === "string"
  ) {
    return { source: node.arguments[0].value, member };
  }
  if (node.type === AST_NODE_TYPES.ImportExpression && node.source.type === AST_NODE_TYPES.Literal && typeof node.source.value === "string") {
    return { source: node.source.value, member };
  }
  return undefined;
}

/** Strips the `node:` prefix and a subpath so "node:https" and "https" compare equal, and "openai/index" → "openai". */
export function packageName(source: string): string {
  const bare = source.startsWith("node:") ? source.slice(5) : source;
  const parts = bare.split("/");
  return bare.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? bare);
}
