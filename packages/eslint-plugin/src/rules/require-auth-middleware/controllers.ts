import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { unwrap, walk } from "../../util/ast.js";
import { decoratorName } from "../../util/value-origin.js";
import { SESSION_CALLS } from "./auth-names.js";

const NEST_ROUTE_DECORATORS = new Set(["Get", "Post", "Put", "Patch", "Delete", "All"]);
const NEST_STATE_CHANGING = new Set(["Post", "Put", "Patch", "Delete", "All"]);
/** Decorators that mark a handler public on purpose (a common convention with a global guard). */
const PUBLIC_MARKERS = new Set(["Public", "AllowAnonymous", "SkipAuth", "IsPublic", "NoAuth", "Anonymous"]);
const NEXT_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);
const NEXT_STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A NestJS controller method that changes state without a guard while its siblings have one. */
export interface UnguardedHandler {
  method: TSESTree.MethodDefinition;
  routeDecorator: TSESTree.Decorator;
  verb: string;
  path: string;
  /** A sibling's `@UseGuards(...)`, to copy. */
  guard: TSESTree.Decorator;
}

/** Handlers of one `@Controller` class that change state with no `@UseGuards`, when other handlers of the class have one. */
export function unguardedNestHandlers(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, isPublicPath: (path: string) => boolean): UnguardedHandler[] {
  const classDecorators = classNode.decorators ?? [];
  if (!classDecorators.some((decorator) => decoratorName(decorator) === "Controller")) return [];
  if (classDecorators.some((decorator) => decoratorName(decorator) === "UseGuards" || PUBLIC_MARKERS.has(decoratorName(decorator) ?? ""))) return [];
  const handlers = classNode.body.body.flatMap((member) => {
    if (member.type !== AST_NODE_TYPES.MethodDefinition) return [];
    const decorators = member.decorators ?? [];
    const routeDecorator = decorators.find((decorator) => NEST_ROUTE_DECORATORS.has(decoratorName(decorator) ?? ""));
    if (!routeDecorator) return [];
    return [{ member, decorators, routeDecorator }];
  });
  const guard = handlers.flatMap(({ decorators }) => decorators.filter((decorator) => decoratorName(decorator) === "UseGuards"))[0];
  if (!guard) return [];
  return handlers.flatMap(({ member, decorators, routeDecorator }) => {
    const verb = decoratorName(routeDecorator)!;
    const path = decoratorPath(routeDecorator);
    if (!NEST_STATE_CHANGING.has(verb) || isPublicPath(path)) return [];
    if (decorators.some((decorator) => decoratorName(decorator) === "UseGuards" || PUBLIC_MARKERS.has(decoratorName(decorator) ?? ""))) return [];
    return [{ method: member, routeDecorator, verb, path, guard }];
  });
}

function decoratorPath(decorator: TSESTree.Decorator): string {
  const expression = unwrap(decorator.expression);
  const first = expression.type === AST_NODE_TYPES.CallExpression ? expression.arguments[0] : undefined;
  return first?.type === AST_NODE_TYPES.Literal && typeof first.value === "string" ? first.value : "";
}

/** A Next.js route handler export that changes state without the session check its siblings make. */
export interface UncheckedRouteExport {
  fn: TSESTree.FunctionDeclaration | TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  name: TSESTree.Identifier;
  /** The check a sibling export makes: `auth`, `getServerSession`. */
  check: string;
  checkedBy: string;
}

/** In a route file, state-changing exports (POST/PUT/PATCH/DELETE) that never call what a sibling export calls to read the session. */
export function uncheckedRouteExports(program: TSESTree.Program): UncheckedRouteExport[] {
  const exports = program.body.flatMap((statement) => (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration ? routeExports(statement.declaration) : []));
  if (exports.length < 2) return [];
  const checks = exports.map((entry) => ({ ...entry, check: sessionCheckIn(entry.fn) }));
  const checked = checks.find((entry) => entry.check !== undefined);
  if (!checked) return [];
  return checks
    .filter((entry) => entry.check === undefined && NEXT_STATE_CHANGING.has(entry.name.name))
    .map((entry) => ({ fn: entry.fn, name: entry.name, check: checked.check!, checkedBy: checked.name.name }));
}

/**
 * Whether an export declares a handler named POST, PUT, PATCH or DELETE: every report of
 * `uncheckedRouteExports` names one, and most files export none.
 */
export function exportsStateChangingRoute(statement: TSESTree.ExportNamedDeclaration): boolean {
  const declaration = statement.declaration;
  if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration) return declaration.id !== null && NEXT_STATE_CHANGING.has(declaration.id.name);
  if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  // A loop rather than `some`: this runs for every named export of every file.
  for (const declarator of declaration.declarations) {
    if (declarator.id.type === AST_NODE_TYPES.Identifier && NEXT_STATE_CHANGING.has(declarator.id.name)) return true;
  }
  return false;
}

function routeExports(declaration: TSESTree.Node): { fn: UncheckedRouteExport["fn"]; name: TSESTree.Identifier }[] {
  if (declaration.type === AST_NODE_TYPES.FunctionDeclaration) {
    return declaration.id && NEXT_METHODS.has(declaration.id.name) ? [{ fn: declaration, name: declaration.id }] : [];
  }
  if (declaration.type !== AST_NODE_TYPES.VariableDeclaration) return [];
  return declaration.declarations.flatMap((declarator) => {
    const init = declarator.init ? unwrap(declarator.init) : undefined;
    if (declarator.id.type !== AST_NODE_TYPES.Identifier || !NEXT_METHODS.has(declarator.id.name)) return [];
    if (init?.type !== AST_NODE_TYPES.ArrowFunctionExpression && init?.type !== AST_NODE_TYPES.FunctionExpression) return [];
    return [{ fn: init, name: declarator.id }];
  });
}

/** The first session-reading call in a function: `await auth()`, `getServerSession(authOptions)`, `supabase.auth.getUser()`. */
function sessionCheckIn(fn: TSESTree.Node): string | undefined {
  let found: string | undefined;
  walk(fn, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(node.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
      if (name && SESSION_CALLS.has(name)) found = name;
    }
    return found === undefined;
  });
  return found;
}
