import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, memberName, unwrap } from "../../../util/ast.js";
import type { Route } from "../routes.js";

/** `Router()`, `express.Router()`, `new Router()` (koa-router, @koa/router), `new Hono()`, `new OpenAPIHono()`. */
const ROUTER_FACTORY = /^(?:Router|KoaRouter|[A-Za-z]*Hono)$/;

/**
 * Whether another file could mount the container `route` is registered on, so that the project pass has
 * something to say: a router created at the top of the module (`const router = Router()`), or the
 * instance parameter of a top-level function (a Fastify plugin, `registerUsers(app)`). Clients calling
 * `http.post(...)`, routes on local variables inside functions and the app itself are left to the file.
 */
export function mayBeMounted(route: Route, program: TSESTree.Program): boolean {
  const container = route.container;
  for (let node: TSESTree.Node | undefined = route.call.parent; node; node = node.parent) {
    if (!isFunction(node)) continue;
    const first = node.params[0];
    if (first?.type === AST_NODE_TYPES.Identifier && first.name === container) return isTopLevelFunction(node);
  }
  return program.body.some((statement) => {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    return declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.declarations.some((declarator) => declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === container && declarator.init !== null && createsRouter(declarator.init));
  });
}

function createsRouter(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.CallExpression && value.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = unwrap(value.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return ROUTER_FACTORY.test(callee.name);
  if (callee.type === AST_NODE_TYPES.MemberExpression) return ROUTER_FACTORY.test(memberName(callee) ?? "");
  // new (require("koa-router"))()
  return callee.type === AST_NODE_TYPES.CallExpression;
}

/** A function declared at the top of the module, exported, or assigned to `module.exports`. */
function isTopLevelFunction(fn: TSESTree.Node): boolean {
  let parent = fn.parent;
  // fastify-plugin: fp(async (fastify) => { ... })
  if (parent?.type === AST_NODE_TYPES.CallExpression) parent = parent.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator) parent = parent.parent?.parent;
  else if (parent?.type === AST_NODE_TYPES.AssignmentExpression) parent = parent.parent?.parent;
  if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) parent = parent.parent;
  return parent?.type === AST_NODE_TYPES.Program;
}
