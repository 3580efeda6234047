import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, unwrap } from "../../util/ast.js";
import { createRule } from "../../util/create-rule.js";
import { parseRegexOption } from "../../util/regex-option.js";
import { perOptions } from "../../util/per-options.js";
import { exportsStateChangingRoute, unguardedNestHandlers, uncheckedRouteExports } from "./controllers.js";
import { handlerChecksAuth, mayBeMounted } from "./project/mountable.js";
import { projectViewOf, type ProjectView } from "./project/project-view.js";
import { coveredByContainerAuth, isStateChanging, registrationMethod, type Route, RouteCollector } from "./routes.js";

export type Options = [
  {
    publicPaths?: string[];
    checkReads?: boolean;
  },
];
export type MessageIds = "missingAuth" | "missingMountAuth" | "missingGuard" | "missingSessionCheck" | "addAuth" | "addGuard";

/** Paths that are public by nature: signing in and up, password resets, OAuth callbacks, webhooks, health checks. */
const PUBLIC_PATH =
  /(?:^|\/)(?:log-?in|log-?out|sign-?in|sign-?up|sign-?out|register|forgot|reset|verify|confirm|callback|oauth|webhooks?|hooks|health|healthz|status|ping|public|tokens?|refresh|sessions?|auth|csrf|contact|subscribe|unsubscribe|invite|accept|feedback)(?:[/?*.-]|$)/i;
/** GET paths that read a user's own data. */
const USER_DATA_PATH = /(?:^|\/)(?:me|profile|account|accounts|settings|users?|orders?|billing|invoices?|payments?|addresses|messages|notifications|admin|dashboard|private|keys|cart|wallet|subscriptions?)(?:\/|$)/i;
const MAX_MIDDLEWARE_TEXT = 60;

export default createRule<Options, MessageIds>({
  name: "require-auth-middleware",
  meta: {
    type: "problem",
    hasSuggestions: true,
    defaultOptions: [{ publicPaths: [], checkReads: true }],
    messages: {
      missingAuth:
        "`{{method}} {{path}}` is registered on `{{container}}` without {{auth}}, which other routes of `{{container}}` use; add it, or list the path in `publicPaths` if the route is public on purpose.",
      missingMountAuth:
        "`{{method}} {{path}}` is registered on `{{container}}`, which `{{mount}}` in {{mountAt}} mounts without auth, while the app protects other mounts with `{{auth}}`; add auth to the mount or to this route, or list the path in `publicPaths` if the route is public on purpose.",
      missingGuard:
        "`@{{verb}}({{path}})` handler `{{name}}` has no `@UseGuards`, while other handlers of this controller use {{guard}}; add it, or mark the handler public on purpose.",
      missingSessionCheck: "`{{method}}` changes data without reading the session, while `{{checkedBy}}` in this route file calls `{{check}}()`; check the session before acting.",
      addAuth: "Add {{auth}} to this route.",
      addGuard: "Add {{guard}} to this handler.",
    },
    schema: [
      {
        type: "object",
        properties: {
          publicPaths: {
            type: "array",
            items: { type: "string" },
            description: "Route paths that are public on purpose: exact paths (\"/api/contact\") or /regex/ strings.",
          },
          checkReads: {
            type: "boolean",
            description: "Also report GET routes whose path reads user data (/me, /orders, /settings, ...) when other GET routes of the same router are protected.",
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ publicPaths: [], checkReads: true }],
  create(context, [options]) {
    const settings = settingsOf(options);
    // Allocated on the first call that registers a route or applies auth: most files make none.
    let collector: RouteCollector | undefined;
    let stateChangingExport = false;
    const checkController = (classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression) => {
      if (classNode.decorators?.length) reportNest(context, classNode, settings.isPublicPath);
    };
    return {
      CallExpression(call) {
        const method = registrationMethod(call);
        if (method !== undefined) (collector ??= new RouteCollector(context.sourceCode)).visit(call, method);
      },
      ClassDeclaration: checkController,
      ClassExpression: checkController,
      ExportNamedDeclaration(declaration) {
        stateChangingExport ||= exportsStateChangingRoute(declaration);
      },
      "Program:exit"(program: TSESTree.Program) {
        // Every route report names a route this file registers, every session-check report a POST/PUT/PATCH/DELETE export.
        if (collector && collector.routes.length > 0) reportRoutes(context, program, collector, settings);
        if (!stateChangingExport) return;
        for (const unchecked of uncheckedRouteExports(program)) {
          context.report({ node: unchecked.name, messageId: "missingSessionCheck", data: { method: unchecked.name.name, check: unchecked.check, checkedBy: unchecked.checkedBy } });
        }
      },
    };
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** The options as the rule uses them, derived once per configuration. */
interface Settings {
  isPublicPath: (path: string) => boolean;
  checkReads: boolean;
}

function reportNest(context: Context, classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, isPublicPath: (path: string) => boolean): void {
  const sourceCode = context.sourceCode;
  for (const handler of unguardedNestHandlers(classNode, isPublicPath)) {
    const guard = sourceCode.getText(handler.guard);
    const name = handler.method.key.type === AST_NODE_TYPES.Identifier ? handler.method.key.name : sourceCode.getText(handler.method.key);
    const indent = " ".repeat(handler.routeDecorator.loc.start.column);
    context.report({
      node: handler.routeDecorator,
      messageId: "missingGuard",
      data: { verb: handler.verb, path: handler.path ? JSON.stringify(handler.path) : "", name, guard: `\`${guard}\`` },
      suggest: [{ messageId: "addGuard", data: { guard: `\`${guard}\`` }, fix: (fixer) => fixer.insertTextBefore(handler.routeDecorator, `${guard}\n${indent}`) }],
    });
  }
}

/**
 * Per app or router: when some of its routes carry auth middleware, the state-changing routes (and,
 * with `checkReads`, user-data reads) that carry none and are not covered by an earlier `use(auth)`.
 * Then, looking at the whole project: those are dropped when every file that mounts the router puts it
 * behind auth, and a router without auth of its own is reported when it is mounted without auth into an
 * app that protects other routes.
 */
function reportRoutes(context: Context, program: TSESTree.Program, collector: RouteCollector, { isPublicPath, checkReads }: Settings): void {
  const byContainer = new Map<string, Route[]>();
  for (const route of collector.routes) {
    const routes = byContainer.get(route.container);
    if (routes) routes.push(route);
    else byContainer.set(route.container, [route]);
  }
  const inFile: { route: Route; container: string; evidence: TSESTree.Node }[] = [];
  const unprotected: { route: Route; container: string }[] = [];
  for (const [container, routes] of byContainer) {
    const protectedRoutes = routes.filter((route) => route.auth !== undefined);
    const evidence = protectedRoutes[0]?.auth;
    const protectsReads = protectedRoutes.some((route) => route.method === "get");
    for (const route of routes) {
      if (route.auth || coveredByContainerAuth(route, collector.containerAuth)) continue;
      if (route.path === undefined || isPublicPath(route.path)) continue;
      if (!evidence) {
        if (isStateChanging(route)) unprotected.push({ route, container });
        continue;
      }
      const isRead = route.method === "get" && checkReads && protectsReads && USER_DATA_PATH.test(route.path);
      if (!isStateChanging(route) && !isRead) continue;
      inFile.push({ route, container, evidence });
    }
  }
  // The project pass runs only for files with routes it could change the verdict on: routes of a router
  // another file can mount.
  const crossFile = (route: Route) => mayBeMounted(route, program);
  const project = inFile.some(({ route }) => crossFile(route)) || unprotected.some(({ route }) => crossFile(route)) ? projectViewOf(context, program) : undefined;
  for (const { route, container, evidence } of inFile) {
    if (project?.statusOf(route).kind !== "covered") report(context, route, container, evidence);
  }
  if (!project) return;
  for (const { route, container } of unprotected) if (crossFile(route)) reportExposed(context, project, route, container, isPublicPath);
}

function reportExposed(context: Context, project: ProjectView, route: Route, container: string, isPublicPath: (path: string) => boolean): void {
  const status = project.statusOf(route);
  if (status.kind !== "exposed" || !status.evidence || isPublicPath(status.fullPath) || handlerChecksAuth(route)) return;
  const callee = route.call.callee;
  context.report({
    node: callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee,
    messageId: "missingMountAuth",
    data: {
      method: route.method.toUpperCase(),
      path: status.fullPath,
      container,
      mount: status.site.text,
      mountAt: `${project.relative(status.file)}:${status.site.line}`,
      auth: status.evidence.text,
    },
  });
}

function report(context: Context, route: Route, container: string, evidence: TSESTree.Node): void {
  const sourceCode = context.sourceCode;
  const authText = unwrap(evidence).type === AST_NODE_TYPES.ArrayExpression ? undefined : sourceCode.getText(evidence);
  const auth = authText ? `\`${authText.length > MAX_MIDDLEWARE_TEXT ? `${authText.slice(0, MAX_MIDDLEWARE_TEXT - 1)}…` : authText}\`` : "the auth middleware";
  // Only a middleware written as an argument can be copied; one inside Fastify route options cannot.
  const copyable = authText !== undefined && evidence.parent?.type === AST_NODE_TYPES.CallExpression && !containsFunction(evidence);
  const callee = route.call.callee;
  const first = route.call.arguments[0]!;
  const pathArgument = first.type === AST_NODE_TYPES.Literal || first.type === AST_NODE_TYPES.TemplateLiteral ? first : undefined;
  context.report({
    node: callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee,
    messageId: "missingAuth",
    data: { method: route.method.toUpperCase(), path: route.path ?? "", container, auth },
    suggest: copyable
      ? [
          {
            messageId: "addAuth",
            data: { auth },
            fix: (fixer) => (pathArgument ? fixer.insertTextAfter(pathArgument, `, ${authText}`) : fixer.insertTextBefore(first, `${authText}, `)),
          },
        ]
      : [],
  });
}

function containsFunction(node: TSESTree.Node): boolean {
  const current = unwrap(node);
  if (isFunction(current)) return true;
  if (current.type === AST_NODE_TYPES.CallExpression) return current.arguments.some(containsFunction);
  return false;
}

const settingsOf = perOptions((options: Options[0]): Settings => {
  // Every entry also counts as an exact path: "/users/i" may be meant as a path as much as a pattern.
  const exact = new Set<string>(options.publicPaths ?? []);
  const patterns: RegExp[] = [];
  for (const entry of options.publicPaths ?? []) {
    const regex = parseRegexOption(entry);
    if (regex) patterns.push(regex);
  }
  const isConfiguredPublic = (path: string) => exact.has(path) || patterns.some((pattern) => pattern.test(path));
  return { isPublicPath: (path) => PUBLIC_PATH.test(path) || isConfiguredPublic(path), checkReads: options.checkReads !== false };
});
