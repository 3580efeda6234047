import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { memberName, propertyKeyName, unwrap } from "../../util/ast.js";

/**
 * Names of authentication and authorisation middleware: passport's `authenticate`, express-jwt's
 * `expressjwt`/`jwt`, `requireAuth`, `isAuthenticated`, `ensureLoggedIn`, `authMiddleware`,
 * `verifyToken`, `checkJwt`, `requireUser`, `requireRole`, `isAdmin`, `protect`, Hono's `bearerAuth`
 * and `basicAuth`, Fastify's `fastify.authenticate`, Clerk's `requireAuth()`, ...
 */
const AUTH_WORDS = /auth(?!or(?!i[sz]))|jwt|loggedin|logged_in|signedin|session(?:required|check)|verifytoken|checktoken|requireuser|requirerole|requireadmin|isadmin|adminonly|protect|guard|permission|passport/i;
/** Session and user lookups that a Next.js route handler checks before acting. */
export const SESSION_CALLS = new Set(["auth", "getServerSession", "getSession", "currentUser", "getToken", "getUser", "requireUser", "requireSession", "validateRequest", "getAuth", "getKindeServerSession", "withApiAuthRequired"]);

/** passport's set-up middleware: it reads a session when there is one, and lets every request through. */
const PASSPORT_SETUP = new Set(["initialize", "session"]);

/** Whether a middleware argument (identifier, call, member or array of them) authenticates. */
export function isAuthMiddleware(node: TSESTree.Node): boolean {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression && PASSPORT_SETUP.has(memberName(current.callee) ?? "")) {
    const object = unwrap(current.callee.object);
    if (object.type === AST_NODE_TYPES.Identifier && object.name === "passport") return false;
  }
  switch (current.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return current.elements.some((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && isAuthMiddleware(element));
    case AST_NODE_TYPES.Identifier:
      return AUTH_WORDS.test(current.name);
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(current);
      return (name !== undefined && AUTH_WORDS.test(name)) || isAuthMiddleware(current.object);
    }
    case AST_NODE_TYPES.CallExpression:
      return isAuthMiddleware(current.callee);
    default:
      return false;
  }
}

/** Fastify route options that run auth: `{ onRequest: [fastify.authenticate] }`, `preHandler: fastify.auth([...])`, `preValidation`. */
export function hasAuthHook(options: TSESTree.ObjectExpression): TSESTree.Node | undefined {
  for (const property of options.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKeyName(property);
    if ((key === "onRequest" || key === "preHandler" || key === "preValidation" || key === "preParsing") && isAuthMiddleware(property.value)) return property.value;
  }
  return undefined;
}
