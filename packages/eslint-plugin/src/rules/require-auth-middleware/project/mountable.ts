import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, memberName, unwrap, walk } from "../../../util/ast.js";
import { isAuthMiddleware } from "../auth-names.js";
import type { Route } from "../routes.js";

/** `Router()`, `express.Router()`, `new Router()` (koa-router, @koa/router), `new Hono()`, `new OpenAPIHono()`, an `express()` sub-app. */
const ROUTER_FACTORY = /^(?:Router|KoaRouter|[A-Za-z]*Hono|express)$/;

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

/**
 * Whether the route's own handler checks the user (`validateSession(req, res)`, `getServerSession()`,
 * `req.isAuthenticated()`, `if (!req.user)`): then a mount without auth is not a gap. A handler defined
 * elsewhere is not looked into.
 */
export function handlerChecksAuth(route: Route): boolean {
  const handler = unwrap(route.handler);
  if (!isFunction(handler)) return false;
  let found = false;
  walk(handler.body, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.CallExpression) found = isAuthMiddleware(node.callee) || SESSION_CHECK.test(calleeName(node.callee) ?? "");
    else if (node.type === AST_NODE_TYPES.MemberExpression) found = USER_PROPERTY.test(memberName(node) ?? "") && !found;
    return !found;
  });
  return found;
}

/** Calls that read the session or the signed-in user. */
const SESSION_CHECK = /session|currentuser|getuser|requireuser|isloggedin|isauthenticated|verify(?:token|jwt)/i;
/** Request properties that hold the signed-in user: `req.user`, `req.session`, `req.auth`, `ctx.state.user`. */
const USER_PROPERTY = /^(?:user|session|auth|currentUser|userId|user_id)$/;

function calleeName(node: TSESTree.Node): string | undefined {
  const callee = unwrap(node);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
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
