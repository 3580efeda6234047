import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { visitorKeys } from "@typescript-eslint/visitor-keys";
import { isFunction, memberName, propertyKeyName, unwrap, type FunctionNode } from "../../../util/ast.js";
import { hasAuthHook, isAuthMiddleware } from "../auth-names.js";

/**
 * What one file contributes to the project's route graph, as plain data (it is cached on disk by the
 * file's content hash): the routers and apps it mounts and with which middleware, its imports and
 * exports (to follow a mounted router to the file that creates it), and the auth it applies.
 *
 * Containers (an app, a router, a Fastify instance) are named by a key: the variable's name
 * (`router`, `this.router`), or for a Fastify plugin's instance parameter `fastify@<function>`, where
 * <function> is the plugin function's name or its ordinal among anonymous functions.
 */
export interface FileSummary {
  /** Local name → where it is imported from (`*` for a namespace, `default` also for a whole `require()`). */
  imports: Record<string, ImportedName>;
  /** Exported name (`default` for `export default` and `module.exports =`) → what it refers to. */
  exports: Record<string, Ref>;
  /** `export * from "./x"` specifiers. */
  reexportAll: string[];
  /** Function name → the container key of its instance parameter (Fastify plugins). */
  functions: Record<string, string>;
  mounts: MountSite[];
  containerAuth: ContainerAuthSite[];
  /** Route registration call start → the key of the container it registers on. */
  routeContainers: Record<number, string>;
  /** Keys of the apps the file creates (`express()`, `Fastify()`, `new Koa()`, `new Hono()`): where a mount chain ends. */
  apps: string[];
}

export interface ImportedName {
  from: string;
  name: string;
}

export type Ref = { kind: "local"; name: string } | { kind: "import"; from: string; name: string } | { kind: "container"; key: string };

export interface Evidence {
  text: string;
  line: number;
}

/** `app.use("/users", requireAuth, users)`, `app.route("/users", users)`, `fastify.register(routes, { prefix })`. */
export interface MountSite {
  container: string;
  prefix: string;
  targets: Ref[];
  auth?: Evidence;
  position: number;
  line: number;
  /** How the mount reads in a message: `app.use("/users", …)`. */
  text: string;
  /** `registerUsers(app)`: the container is handed to a function that registers routes on its parameter. */
  byCall?: boolean;
}

/** `app.use(auth)`, `app.use("/api/*", jwt(...))`, `fastify.addHook("onRequest", fastify.authenticate)`. */
export interface ContainerAuthSite {
  container: string;
  prefix: string;
  position: number;
  auth: Evidence;
  /** Fastify hooks apply to every plugin of the instance, registered before or after them. */
  anyOrder: boolean;
}

const ROUTE_METHODS = new Set(["get", "post", "put", "patch", "delete", "del", "all"]);
const FASTIFY_HOOKS = new Set(["onRequest", "preHandler", "preValidation", "preParsing"]);
/** Koa router calls that hand the router itself to `use`: `app.use(router.routes())`. */
const ROUTER_MIDDLEWARE = new Set(["routes", "middleware", "allowedMethods"]);
const MAX_EVIDENCE_TEXT = 60;

/** Summarises a parsed file (a typescript-estree or espree Program); `text` is its source. */
export function summarizeProgram(program: TSESTree.Program, text: string, lineOf: (position: number) => number): FileSummary {
  const summary: FileSummary = { imports: {}, exports: {}, reexportAll: [], functions: {}, mounts: [], containerAuth: [], routeContainers: {}, apps: [] };
  const functionIds = new Map<TSESTree.Node, string>();
  let anonymous = 0;
  const functionId = (fn: FunctionNode, parent: TSESTree.Node | undefined): string => {
    let id = functionIds.get(fn);
    if (id === undefined) {
      id = namedFunction(fn, parent) ?? `#${anonymous++}`;
      functionIds.set(fn, id);
    }
    return id;
  };
  /** Enclosing functions, innermost last, with the id of each. */
  const scopes: { fn: FunctionNode; id: string }[] = [];
  const textOf = (node: TSESTree.Node) => text.slice(node.range[0], node.range[1]);
  const evidence = (node: TSESTree.Node): Evidence => {
    const written = textOf(node).replace(/\s+/g, " ");
    return { text: written.length > MAX_EVIDENCE_TEXT ? `${written.slice(0, MAX_EVIDENCE_TEXT - 1)}…` : written, line: lineOf(node.range[0]) };
  };

  const containerKey = (node: TSESTree.Node): string => {
    const target = unwrap(node);
    if (target.type === AST_NODE_TYPES.Identifier) {
      for (let index = scopes.length - 1; index >= 0; index--) {
        const first = scopes[index]!.fn.params[0];
        if (first?.type === AST_NODE_TYPES.Identifier && first.name === target.name) return `${target.name}@${scopes[index]!.id}`;
      }
      return target.name;
    }
    return textOf(target).replace(/\s+/g, "");
  };

  const refOf = (node: TSESTree.Node, parent: TSESTree.Node): Ref | undefined => {
    const target = unwrap(node);
    switch (target.type) {
      case AST_NODE_TYPES.Identifier:
        return { kind: "local", name: target.name };
      case AST_NODE_TYPES.MemberExpression: {
        const property = memberName(target);
        const object = unwrap(target.object);
        if (property === undefined) return undefined;
        const required = requiredSpecifier(object);
        if (required !== undefined) return { kind: "import", from: required, name: property };
        if (object.type === AST_NODE_TYPES.Identifier) {
          const imported = summary.imports[object.name];
          if (imported && (imported.name === "*" || imported.name === "default")) return { kind: "import", from: imported.from, name: property };
        }
        return undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        const required = requiredSpecifier(target);
        if (required !== undefined) return { kind: "import", from: required, name: "default" };
        const callee = unwrap(target.callee);
        // koa-router: `users.routes()`; fastify-plugin: `fp(async (fastify) => ...)`
        if (callee.type === AST_NODE_TYPES.MemberExpression && ROUTER_MIDDLEWARE.has(memberName(callee) ?? "")) return refOf(callee.object, parent);
        const [first] = target.arguments;
        if (callee.type === AST_NODE_TYPES.Identifier && first && isFunction(unwrap(first))) return refOf(first, target);
        return undefined;
      }
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression: {
        const param = target.params[0];
        if (param?.type !== AST_NODE_TYPES.Identifier) return undefined;
        return { kind: "container", key: `${param.name}@${functionId(target, parent)}` };
      }
      case AST_NODE_TYPES.ImportExpression:
        return target.source.type === AST_NODE_TYPES.Literal && typeof target.source.value === "string" ? { kind: "import", from: target.source.value, name: "default" } : undefined;
      case AST_NODE_TYPES.AwaitExpression:
        return refOf(target.argument, target);
      default:
        return undefined;
    }
  };

  const visitCall = (call: TSESTree.CallExpression) => {
    const callee = unwrapSequence(call.callee);
    const [firstArgument] = call.arguments;
    // `registerUsers(app)`, `require("./routes/users")(router)`, `(0, _users.default)(app)`
    if (firstArgument && isContainerLike(firstArgument) && (callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.CallExpression || callee.type === AST_NODE_TYPES.MemberExpression)) {
      const ref = callee.type === AST_NODE_TYPES.MemberExpression && ROUTE_LIKE.has(memberName(callee) ?? "") ? undefined : refOf(callee, call);
      if (ref && ref.kind !== "container") {
        summary.mounts.push({ container: containerKey(firstArgument), prefix: "", targets: [ref], position: call.range[0], line: lineOf(call.range[0]), text: `${textOf(call.callee).replace(/\s+/g, "")}(${textOf(firstArgument)}${call.arguments.length > 1 ? ", …" : ""})`, byCall: true });
      }
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const name = memberName(callee);
    if (name === undefined) return;
    const container = () => containerKey(callee.object);
    const mountText = () => `${textOf(callee).replace(/\s+/g, "")}(${call.arguments[0]?.type === AST_NODE_TYPES.Literal ? `${textOf(call.arguments[0])}, ` : ""}…)`;
    if (name === "use" || (name === "route" && call.arguments.length >= 2)) {
      const [first, ...rest] = call.arguments;
      if (!first) return;
      const prefix = first.type === AST_NODE_TYPES.Literal && typeof first.value === "string" ? first.value : undefined;
      if (name === "route" && prefix === undefined) return;
      let auth: Evidence | undefined;
      const targets: Ref[] = [];
      for (const argument of flatten(prefix === undefined ? call.arguments : rest)) {
        if (isAuthMiddleware(argument)) auth ??= evidence(argument);
        else if (!isFunction(unwrap(argument))) {
          const ref = refOf(argument, call);
          if (ref) targets.push(ref);
        }
      }
      if (targets.length > 0) {
        summary.mounts.push({ container: container(), prefix: normalizePrefix(prefix ?? ""), targets, auth, position: call.range[0], line: lineOf(call.range[0]), text: mountText() });
      } else if (auth) {
        summary.containerAuth.push({ container: container(), prefix: normalizePrefix(prefix ?? ""), position: call.range[0], auth, anyOrder: false });
      }
    } else if (name === "register") {
      const [plugin, options] = call.arguments;
      if (!plugin) return;
      const ref = refOf(plugin, call);
      if (!ref) return;
      let prefix = "";
      let auth: Evidence | undefined;
      if (options?.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of options.properties) {
          if (property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === "prefix" && property.value.type === AST_NODE_TYPES.Literal && typeof property.value.value === "string") prefix = property.value.value;
        }
        const hook = hasAuthHook(options);
        if (hook) auth = evidence(hook);
      }
      summary.mounts.push({ container: container(), prefix: normalizePrefix(prefix), targets: [ref], auth, position: call.range[0], line: lineOf(call.range[0]), text: mountText() });
    } else if (name === "addHook") {
      const [hook, middleware] = call.arguments;
      if (hook?.type !== AST_NODE_TYPES.Literal || !FASTIFY_HOOKS.has(String(hook.value)) || !middleware || !isAuthMiddleware(middleware)) return;
      summary.containerAuth.push({ container: container(), prefix: "", position: call.range[0], auth: evidence(middleware), anyOrder: true });
    } else if (ROUTE_METHODS.has(name)) {
      const key = routeContainer(callee, containerKey);
      if (key === undefined) return;
      summary.routeContainers[call.range[0]] = key;
    }
  };

  const visitModuleSyntax = (node: TSESTree.Node, parent: TSESTree.Node | undefined) => {
    switch (node.type) {
      case AST_NODE_TYPES.ImportDeclaration:
        for (const specifier of node.specifiers) {
          const name =
            specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
              ? "default"
              : specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier
                ? "*"
                : specifier.imported.type === AST_NODE_TYPES.Identifier
                  ? specifier.imported.name
                  : String(specifier.imported.value);
          summary.imports[specifier.local.name] = { from: node.source.value, name };
        }
        break;
      case AST_NODE_TYPES.ExportNamedDeclaration:
        if (node.source) {
          for (const specifier of node.specifiers) {
            summary.exports[exportedName(specifier.exported)] = { kind: "import", from: node.source.value, name: exportedName(specifier.local) };
          }
        } else if (node.declaration) {
          for (const name of declaredNames(node.declaration)) summary.exports[name] = { kind: "local", name };
        } else {
          for (const specifier of node.specifiers) summary.exports[exportedName(specifier.exported)] = { kind: "local", name: exportedName(specifier.local) };
        }
        break;
      case AST_NODE_TYPES.ExportAllDeclaration:
        if (node.exported) summary.exports[exportedName(node.exported)] = { kind: "import", from: node.source.value, name: "*" };
        else summary.reexportAll.push(node.source.value);
        break;
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        exportValue("default", node.declaration as TSESTree.Node, node);
        break;
      case AST_NODE_TYPES.TSExportAssignment:
        exportValue("default", node.expression, node);
        break;
      case AST_NODE_TYPES.VariableDeclarator: {
        if (!node.init) break;
        if (node.id.type === AST_NODE_TYPES.Identifier && createsApp(node.init)) summary.apps.push(node.id.name);
        const required = requiredSpecifier(unwrap(node.init)) ?? requiredMember(unwrap(node.init));
        if (required === undefined) break;
        if (node.id.type === AST_NODE_TYPES.Identifier) summary.imports[node.id.name] = typeof required === "string" ? { from: required, name: "default" } : required;
        else if (node.id.type === AST_NODE_TYPES.ObjectPattern && typeof required === "string") {
          for (const property of node.id.properties) {
            if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) {
              const key = propertyKeyName(property);
              if (key !== undefined) summary.imports[property.value.name] = { from: required, name: key };
            }
          }
        }
        break;
      }
      case AST_NODE_TYPES.AssignmentExpression: {
        if (createsApp(node.right) && (node.left.type === AST_NODE_TYPES.Identifier || node.left.type === AST_NODE_TYPES.MemberExpression)) summary.apps.push(textOf(node.left).replace(/\s+/g, ""));
        const exported = commonJsExport(node.left);
        if (exported !== undefined && parent?.type === AST_NODE_TYPES.ExpressionStatement) exportValue(exported, node.right, node);
        break;
      }
      default:
        break;
    }
  };

  const exportValue = (name: string, value: TSESTree.Node, parent: TSESTree.Node) => {
    const target = unwrap(value);
    if (name === "default" && target.type === AST_NODE_TYPES.ObjectExpression) {
      // module.exports = { users, admin: adminRouter }
      for (const property of target.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = propertyKeyName(property);
        const ref = key === undefined ? undefined : refOf(property.value, property);
        if (key !== undefined && ref) summary.exports[key] = ref;
      }
      return;
    }
    if (target.type === AST_NODE_TYPES.FunctionDeclaration || target.type === AST_NODE_TYPES.ClassDeclaration) {
      if (target.id) summary.exports[name] = { kind: "local", name: target.id.name };
      else if (target.type === AST_NODE_TYPES.FunctionDeclaration) {
        const param = target.params[0];
        if (param?.type === AST_NODE_TYPES.Identifier) summary.exports[name] = { kind: "container", key: `${param.name}@${functionId(target, parent)}` };
      }
      return;
    }
    const ref = refOf(target, parent);
    if (ref) summary.exports[name] = ref;
  };

  const visit = (node: TSESTree.Node, parent: TSESTree.Node | undefined) => {
    visitModuleSyntax(node, parent);
    if (node.type === AST_NODE_TYPES.CallExpression) visitCall(node);
    const fn = isFunction(node) ? node : undefined;
    if (fn) {
      const id = functionId(fn, parent);
      const param = fn.params[0];
      const name = namedFunction(fn, parent);
      if (name !== undefined && param?.type === AST_NODE_TYPES.Identifier) summary.functions[name] ??= `${param.name}@${id}`;
      scopes.push({ fn, id });
    }
    const keys = visitorKeys[node.type] ?? [];
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const element of child) if (isNode(element)) visit(element, node);
      } else if (isNode(child)) visit(child, node);
    }
    if (fn) scopes.pop();
  };
  visit(program, undefined);
  // A call hands over a container (something the file uses as one) only to a function it can resolve.
  const containers = new Set([...Object.values(summary.routeContainers), ...summary.apps, ...summary.containerAuth.map((auth) => auth.container), ...summary.mounts.filter((site) => !site.byCall).map((site) => site.container)]);
  summary.mounts = summary.mounts.filter(
    (site) => !site.byCall || (containers.has(site.container) && site.targets.some((ref) => ref.kind !== "local" || ref.name in summary.imports || ref.name in summary.functions)),
  );
  return summary;
}

/** Calls on a container that are not a hand-over of it: `app.get(...)`, `app.listen(...)`. */
const ROUTE_LIKE = new Set([...ROUTE_METHODS, "use", "route", "register", "addHook", "listen", "param", "set", "enable", "disable", "engine", "log", "info", "warn", "error", "debug", "push", "emit", "on", "once"]);
/** Factories of the app at the top of a mount chain. */
const APP_FACTORY = /^(?:express|fastify|koa|hono|polka|restify)$/i;

/** `express()`, `require("express")()`, `Fastify({ logger })`, `new Koa()`, `new Hono()`, `(0, express.default)()`. */
function createsApp(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.CallExpression && value.type !== AST_NODE_TYPES.NewExpression) return false;
  let callee = unwrapSequence(value.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === "default") callee = unwrap(callee.object);
  if (callee.type === AST_NODE_TYPES.Identifier) return APP_FACTORY.test(callee.name);
  const required = requiredSpecifier(callee);
  return required !== undefined && APP_FACTORY.test(required);
}

/** A value that can be an app or router handed to a registering function: `app`, `this.router`. */
function isContainerLike(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.Identifier || (value.type === AST_NODE_TYPES.MemberExpression && value.object.type === AST_NODE_TYPES.ThisExpression);
}

/** `(0, fn)` → `fn`, as compilers write calls of imported functions. */
function unwrapSequence(node: TSESTree.Node): TSESTree.Node {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.SequenceExpression ? unwrap(value.expressions.at(-1)!) : value;
}

/** The key of the container a route registers on: `router` in `router.post(...)` and `router.route("/x").post(...)`. */
function routeContainer(callee: TSESTree.MemberExpression, containerKey: (node: TSESTree.Node) => string): string | undefined {
  let receiver = unwrap(callee.object);
  while (receiver.type === AST_NODE_TYPES.CallExpression) {
    const inner = unwrap(receiver.callee);
    if (inner.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = memberName(inner);
    if (name !== "route" && !ROUTE_METHODS.has(name ?? "")) return undefined;
    receiver = unwrap(inner.object);
  }
  return containerKey(receiver);
}

function namedFunction(fn: FunctionNode, parent: TSESTree.Node | undefined): string | undefined {
  if (fn.id) return fn.id.name;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  return undefined;
}

function flatten(nodes: readonly TSESTree.Node[]): TSESTree.Node[] {
  return nodes.flatMap((node) =>
    node.type === AST_NODE_TYPES.ArrayExpression ? flatten(node.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== AST_NODE_TYPES.SpreadElement)) : [node],
  );
}

/** `require("./x")` → "./x". */
function requiredSpecifier(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(node.callee);
  const [first] = node.arguments;
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== "require" || node.arguments.length !== 1) return undefined;
  return first?.type === AST_NODE_TYPES.Literal && typeof first.value === "string" ? first.value : undefined;
}

/** `require("./x").users` → { from: "./x", name: "users" }. */
function requiredMember(node: TSESTree.Node): ImportedName | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const from = requiredSpecifier(unwrap(node.object));
  const name = memberName(node);
  return from !== undefined && name !== undefined ? { from, name } : undefined;
}

/** `module.exports` → "default"; `module.exports.users` / `exports.users` → "users". */
function commonJsExport(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = unwrap(node.object);
  const name = memberName(node);
  if (object.type === AST_NODE_TYPES.Identifier && object.name === "module" && name === "exports") return "default";
  if (object.type === AST_NODE_TYPES.Identifier && object.name === "exports") return name;
  if (object.type === AST_NODE_TYPES.MemberExpression && commonJsExport(object) === "default") return name;
  return undefined;
}

function exportedName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

function declaredNames(declaration: TSESTree.Node): string[] {
  if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
    return declaration.declarations.flatMap((declarator) => (declarator.id.type === AST_NODE_TYPES.Identifier ? [declarator.id.name] : []));
  }
  if ((declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id) return [declaration.id.name];
  return [];
}

/** "/api/*" and "/api/" and "/api" all mean "/api". */
export function normalizePrefix(prefix: string): string {
  return prefix.replace(/\/?\*$/, "").replace(/\/$/, "");
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}
