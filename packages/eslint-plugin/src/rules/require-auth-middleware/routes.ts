import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, memberName, unwrap } from "../../util/ast.js";
import { hasAuthHook, isAuthMiddleware } from "./auth-names.js";

const ROUTE_METHODS = new Set(["get", "post", "put", "patch", "delete", "del", "all"]);
const STATE_CHANGING = new Set(["post", "put", "patch", "delete", "del"]);
/** Hooks that run before every route of a Fastify instance. */
const FASTIFY_HOOKS = new Set(["onRequest", "preHandler", "preValidation", "preParsing"]);

/** One route registration seen in the file. */
export interface Route {
  call: TSESTree.CallExpression;
  /** The app or router it is registered on, by its source text: `app`, `router`, `this.router`. */
  container: string;
  method: string;
  /** The path as written, or undefined when it is not a literal. */
  path: string | undefined;
  /** The auth middleware of this route itself, if any. */
  auth: TSESTree.Node | undefined;
  /** The argument before which a middleware can be inserted: the handler. */
  handler: TSESTree.Node;
}

/** `X.use(auth)`, `X.use("/admin", auth)`, `fastify.addHook("onRequest", fastify.authenticate)`: auth for the routes after it. */
export interface ContainerAuth {
  container: string;
  /** The path prefix it applies to; "" for all. */
  prefix: string;
  position: number;
  middleware: TSESTree.Node;
}

/** Method names of calls that register a route or apply auth to a container. */
const REGISTRATION_METHODS = new Set([...ROUTE_METHODS, "use", "addHook"]);

/**
 * The method name of a call that can register a route or apply auth (`router.post(...)`, `app.use(...)`,
 * `fastify.addHook(...)`); undefined for every other call, decided from the callee's name alone.
 */
export function registrationMethod(call: TSESTree.CallExpression): string | undefined {
  // Runs on every call of every file: the usual callee (`a.b(...)`, `f(...)`) is decided without `unwrap`.
  let callee: TSESTree.Node = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    if (callee.type === AST_NODE_TYPES.Identifier) return undefined;
    callee = unwrap(callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  }
  const name = memberName(callee);
  return name !== undefined && REGISTRATION_METHODS.has(name) ? name : undefined;
}

/** Reads route registrations and container-wide auth from calls, in source order. */
export class RouteCollector {
  readonly routes: Route[] = [];
  /** `use` and `addHook` calls, read only when the file registers a route (most `use` calls are not Express's). */
  private readonly authCalls: { call: TSESTree.CallExpression; name: string }[] = [];
  private auth: ContainerAuth[] | undefined;

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  /** Reads `call`, whose method is `name` (from `registrationMethod`). */
  visit(call: TSESTree.CallExpression, name: string): void {
    if (name === "use" || name === "addHook") this.authCalls.push({ call, name });
    else this.visitRoute(call, unwrap(call.callee) as TSESTree.MemberExpression, name);
  }

  /** The container-wide auth of the file, in source order. */
  get containerAuth(): readonly ContainerAuth[] {
    if (!this.auth) {
      this.auth = [];
      for (const { call, name } of this.authCalls) {
        const callee = unwrap(call.callee) as TSESTree.MemberExpression;
        if (name === "use") this.visitUse(call, callee, this.auth);
        else this.visitHook(call, callee, this.auth);
      }
    }
    return this.auth;
  }

  private visitUse(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, containerAuth: ContainerAuth[]): void {
    const [first, ...rest] = call.arguments;
    if (!first) return;
    const prefix = first.type === AST_NODE_TYPES.Literal && typeof first.value === "string" ? first.value : undefined;
    const middlewares = prefix === undefined ? call.arguments : rest;
    const middleware = middlewares.find((argument) => isAuthMiddleware(argument));
    if (!middleware) return;
    containerAuth.push({ container: this.containerOf(callee.object), prefix: normalizePrefix(prefix ?? ""), position: call.range[0], middleware });
  }

  private visitHook(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, containerAuth: ContainerAuth[]): void {
    const [hook, middleware] = call.arguments;
    if (hook?.type !== AST_NODE_TYPES.Literal || !FASTIFY_HOOKS.has(String(hook.value)) || !middleware || !isAuthMiddleware(middleware)) return;
    containerAuth.push({ container: this.containerOf(callee.object), prefix: "", position: call.range[0], middleware });
  }

  private visitRoute(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string): void {
    const args = call.arguments;
    const handler = args.at(-1);
    if (!handler || args.length < 2 && !isChainedRoute(callee)) return;
    let container: string;
    let pathNode: TSESTree.Node | undefined;
    let middlewares: readonly TSESTree.Node[];
    const routeCall = routeCallOf(callee);
    if (routeCall) {
      // router.route("/items/:id").get(show).put(requireAuth, update)
      const routeCallee = unwrap(routeCall.callee) as TSESTree.MemberExpression;
      container = this.containerOf(routeCallee.object);
      pathNode = routeCall.arguments[0];
      middlewares = args.slice(0, -1);
    } else {
      const first = args[0]!;
      if (!isPathLiteral(first)) return;
      container = this.containerOf(callee.object);
      pathNode = first;
      middlewares = args.slice(1, -1);
    }
    if (!isFunction(unwrap(handler)) && unwrap(handler).type !== AST_NODE_TYPES.Identifier && unwrap(handler).type !== AST_NODE_TYPES.MemberExpression && unwrap(handler).type !== AST_NODE_TYPES.CallExpression) return;
    let auth = middlewares.find((middleware) => middleware.type !== AST_NODE_TYPES.ObjectExpression && isAuthMiddleware(middleware));
    const options = middlewares.find((middleware): middleware is TSESTree.ObjectExpression => middleware.type === AST_NODE_TYPES.ObjectExpression);
    if (!auth && options) auth = hasAuthHook(options);
    this.routes.push({ call, container, method: method === "del" ? "delete" : method, path: pathText(pathNode), auth, handler });
  }

  private containerOf(node: TSESTree.Node): string {
    return this.sourceCode.getText(unwrap(node)).replace(/\s+/g, "");
  }
}

/** Whether the route changes state: POST, PUT, PATCH, DELETE (and `all`, which includes them). */
export function isStateChanging(route: Route): boolean {
  return STATE_CHANGING.has(route.method) || route.method === "all";
}

function isChainedRoute(callee: TSESTree.MemberExpression): boolean {
  return routeCallOf(callee) !== undefined;
}

/** The `router.route(path)` call at the start of `router.route(path).get(a).put(b)`, through earlier method calls of the chain. */
function routeCallOf(callee: TSESTree.MemberExpression): TSESTree.CallExpression | undefined {
  let receiver = unwrap(callee.object);
  while (receiver.type === AST_NODE_TYPES.CallExpression) {
    const inner = unwrap(receiver.callee);
    if (inner.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = memberName(inner);
    if (name === "route") return receiver.arguments.length === 1 && isPathLiteral(receiver.arguments[0]!) ? receiver : undefined;
    if (name === undefined || !ROUTE_METHODS.has(name)) return undefined;
    receiver = unwrap(inner.object);
  }
  return undefined;
}

function isPathLiteral(node: TSESTree.Node): boolean {
  return (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string" && node.value.startsWith("/")) || (node.type === AST_NODE_TYPES.TemplateLiteral && node.quasis[0]?.value.cooked?.startsWith("/") === true);
}

function pathText(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === "string") return node.value;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis.map((quasi) => quasi.value.cooked ?? "").join("*");
  return undefined;
}

/** "/api/*" and "/api/" and "/api" all cover "/api/...". */
function normalizePrefix(prefix: string): string {
  return prefix.replace(/\/?\*$/, "").replace(/\/$/, "");
}

/** Whether a container-wide auth registered earlier covers `route`. */
export function coveredByContainerAuth(route: Route, containerAuth: readonly ContainerAuth[]): boolean {
  return containerAuth.some(
    (auth) =>
      auth.container === route.container &&
      auth.position < route.call.range[0] &&
      (auth.prefix === "" || (route.path !== undefined && (route.path === auth.prefix || route.path.startsWith(`${auth.prefix}/`)))),
  );
}
