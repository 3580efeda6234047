import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { memberName, unwrap } from "./ast.js";
import { type ModuleBinding, packageName, requiredModule } from "./module-bindings.js";

/** A call or `new` of a module's export: the package (without `node:`) and the export's name. */
export interface ModuleCall {
  module: string;
  name: string;
}

/**
 * Which module export `callee` calls: `ns.fn(...)` and `ns.default.fn(...)` with `ns` imported or
 * required, `fn(...)` with `fn` imported by name, and the inline `require("m").fn(...)`.
 */
export function moduleCallOf(callee: TSESTree.Node, bindings: Pick<ReadonlyMap<string, ModuleBinding>, "get">): ModuleCall | undefined {
  const target = unwrap(callee);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const binding = bindings.get(target.name);
    if (!binding || binding.imported === "*" || binding.imported === "default") return undefined;
    return { module: packageName(binding.source), name: binding.imported };
  }
  if (target.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(target);
  if (name === undefined) return undefined;
  let object = unwrap(target.object);
  if (object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === "default") object = unwrap(object.object);
  if (object.type === AST_NODE_TYPES.Identifier) {
    const binding = bindings.get(object.name);
    if (!binding) return undefined;
    // `import { Script } from "vm"` is a named binding; `import yaml from "js-yaml"` the whole module.
    if (binding.imported === "*" || binding.imported === "default") return { module: packageName(binding.source), name };
    return undefined;
  }
  const required = object.type === AST_NODE_TYPES.CallExpression || object.type === AST_NODE_TYPES.AwaitExpression ? requiredModule(object as TSESTree.Expression) : undefined;
  if (required && required.member === undefined) return { module: packageName(required.source), name };
  return undefined;
}
