import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { memberName, unwrap } from "../../util/ast.js";
import { collectModuleBindings, packageName, requiredModule, type ModuleBinding } from "../../util/module-bindings.js";

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Schema libraries whose schemas have a `.catch(fallback)` method that is not a promise handler:
 * zod (`z.string().catch("light")`, `z.number().catch((ctx) => 0)`, and zod/mini's `z.catch(schema, v)`).
 * yup (`.default()`), valibot (`v.fallback(schema, v)`), joi (`.failover()`) and superstruct have no
 * `.catch` on their schemas, so a `.catch` there is a promise's.
 */
const SCHEMA_PACKAGES_WITH_CATCH = new Set(["zod"]);

/** Methods that leave the schema for a promise: `schema.parseAsync(x).catch(...)` is a promise handler. */
const PROMISE_RETURNING = /Async$|^(?:then|finally|spa)$/;

/**
 * `.catch(...)` called on a schema built from a schema library: the receiver's member/call chain starts at
 * a name the file imports from that library (`z.string().catch("")`, `zod.object({}).catch({})`).
 */
export function isSchemaFallbackCatch(
  call: TSESTree.CallExpression,
  sourceCode: SourceCode,
  bindings: () => ReadonlyMap<string, ModuleBinding>,
): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== "catch") return false;
  let current = unwrap(callee.object);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(current);
      if (name !== undefined && PROMISE_RETURNING.test(name)) return false;
      current = unwrap(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = unwrap(current.callee);
    } else {
      break;
    }
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return false;
  const binding = bindings().get(current.name);
  if (!binding || !SCHEMA_PACKAGES_WITH_CATCH.has(packageName(binding.source))) return false;
  return isModuleBinding(current, sourceCode);
}

/** The name really is the import (or `require`) and not a parameter or local that shadows it. */
function isModuleBinding(identifier: TSESTree.Identifier, sourceCode: SourceCode): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  if (!variable || variable.defs.length === 0) return false;
  return variable.defs.every(
    (definition) =>
      definition.type === "ImportBinding" ||
      (definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init !== null && requiredModule(definition.node.init) !== undefined),
  );
}

export function moduleBindingsOf(sourceCode: SourceCode): () => ReadonlyMap<string, ModuleBinding> {
  let bindings: ReadonlyMap<string, ModuleBinding> | undefined;
  return () => (bindings ??= collectModuleBindings(sourceCode.ast));
}
