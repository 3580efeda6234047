import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { type FunctionNode, isFunction, memberName, unwrapAwaited, walk } from "../../util/ast.js";


type Variable = TSESLint.Scope.Variable;

const MAX_HELPER_LINES = 40;
const MAX_CALL_SITES = 10;

/** How a local variable gets a value: its initialiser, `x = v`, `x += v`, a numeric update, or a loop. */
export type Write =
  | { kind: "init" | "assign" | "append"; value: TSESTree.Expression }
  | { kind: "loop"; iterable: TSESTree.Expression; overKeys: boolean }
  | { kind: "numeric" }
  | { kind: "unknown" };

export type FunctionLike = FunctionNode;

/** Strips what does not change a value at runtime: TS assertions, `!`, optional chains, and `await`. */
export const unwrap = unwrapAwaited;

/**
 * The template of `` String.raw`…${x}` ``, which interpolates like a plain template literal (unlike
 * SQL tags, it escapes nothing); undefined for anything else.
 */
export function stringRawTemplate(node: TSESTree.Node): TSESTree.TemplateLiteral | undefined {
  if (node.type !== AST_NODE_TYPES.TaggedTemplateExpression) return undefined;
  const tag = node.tag;
  const isStringRaw =
    tag.type === AST_NODE_TYPES.MemberExpression &&
    tag.object.type === AST_NODE_TYPES.Identifier &&
    tag.object.name === "String" &&
    memberName(tag) === "raw";
  return isStringRaw ? node.quasi : undefined;
}



/** Resolves scopes and variables for one file, caching the per-variable work the rule repeats. */
export class Variables {
  // Plain Maps: one instance per file, dropped with it; cheaper than WeakMaps to fill and collect.
  private readonly writeCache = new Map<Variable, Write[]>();
  private readonly returnCache = new Map<FunctionLike, TSESTree.Expression[]>();
  private readonly variableCache = new Map<TSESTree.Identifier, Variable | null>();

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  find(identifier: TSESTree.Identifier): Variable | undefined {
    const cached = this.variableCache.get(identifier);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.findUncached(identifier);
    this.variableCache.set(identifier, found ?? null);
    return found;
  }

  private findUncached(identifier: TSESTree.Identifier): Variable | undefined {
    try {
      return ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier) ?? undefined;
    } catch {
      // ignore: nodes synthesised by other tools may have no scope; unresolved is the safe answer for them.
      return undefined;
    }
  }

  /** Every way the variable gets a value in this file; empty when it is not a local `const`/`let`/`var`. */
  writes(variable: Variable): Write[] {
    const cached = this.writeCache.get(variable);
    if (cached) return cached;
    const writes: Write[] = [];
    for (const definition of variable.defs) {
      if (definition.type !== "Variable") continue;
      const declarator = definition.node;
      if (declarator.id.type !== AST_NODE_TYPES.Identifier) {
        writes.push({ kind: "unknown" });
        continue;
      }
      // `declare const x: T` holds a value from elsewhere.
      if (declarator.parent.declare) {
        writes.push({ kind: "unknown" });
        continue;
      }
      const loop = declarator.parent.parent;
      if ((loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) && loop.left === declarator.parent) {
        writes.push({ kind: "loop", iterable: loop.right, overKeys: loop.type === AST_NODE_TYPES.ForInStatement });
      } else if (declarator.init) {
        writes.push({ kind: "init", value: declarator.init });
      }
    }
    for (const reference of variable.references) {
      if (!reference.isWrite() || reference.init) continue;
      writes.push(this.describeWrite(reference.identifier));
    }
    this.writeCache.set(variable, writes);
    return writes;
  }

  private describeWrite(identifier: TSESTree.Node): Write {
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === identifier) {
      if (parent.operator === "=" || parent.operator === "||=" || parent.operator === "??=" || parent.operator === "&&=") {
        return { kind: "assign", value: parent.right };
      }
      if (parent.operator === "+=") return { kind: "append", value: parent.right };
      return { kind: "numeric" };
    }
    if (parent?.type === AST_NODE_TYPES.UpdateExpression) return { kind: "numeric" };
    return { kind: "unknown" };
  }

  /** True for a variable declared in this file by `const`/`let`/`var` (not a parameter, import or global). */
  isLocal(variable: Variable): boolean {
    return variable.defs.length > 0 && variable.defs.every((definition) => definition.type === "Variable");
  }

  /** Arguments given to `name.push(...)`/`name.unshift(...)` anywhere the variable is visible. */
  arrayAdditions(variable: Variable): TSESTree.Node[] {
    const added: TSESTree.Node[] = [];
    for (const reference of variable.references) {
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
      const method = memberName(member);
      const call = member.parent;
      if ((method === "push" || method === "unshift") && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member) {
        added.push(...call.arguments);
      }
    }
    return added;
  }

  /**
   * The function a callee names when its body is in this file: a function declared once
   * (`buildWhere(…)`), or a method of the enclosing class called on `this` (`this.getTableName(…)`).
   */
  localFunction(callee: TSESTree.Node): FunctionLike | undefined {
    const fn = this.declaredFunction(callee);
    // Only small helpers are followed: a large function is a query generator of its own, not a helper.
    return fn && fn.loc.end.line - fn.loc.start.line <= MAX_HELPER_LINES ? fn : undefined;
  }

  private declaredFunction(callee: TSESTree.Node): FunctionLike | undefined {
    const node = unwrap(callee);
    if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) return classMethod(node);
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.find(node);
    if (!variable || variable.defs.length !== 1) return undefined;
    const definition = variable.defs[0]!;
    if (definition.type === "FunctionName" && definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
    if (definition.type === "Variable" && definition.parent.kind === "const" && definition.node.init && isFunction(definition.node.init)) {
      return definition.node.init;
    }
    return undefined;
  }

  /**
   * The value `use` holds when a plain `x = value;` statement runs just before it, in a block
   * enclosing it, with no other write to x in between: `col = col.replace(/[^a-z_]/g, "");` or
   * `page = parseInt(page, 10);` followed by the query. Undefined when there is no such statement.
   */
  assignedJustBefore(variable: Variable, use: TSESTree.Node): TSESTree.Expression | undefined {
    const writes = variable.references.filter((reference) => reference.isWrite() && !reference.init).map((reference) => reference.identifier);
    if (writes.length === 0) return undefined;
    let child: TSESTree.Node = use;
    for (let parent = use.parent; parent; child = parent, parent = parent.parent) {
      const statements = blockStatements(parent);
      if (!statements) continue;
      for (let index = statements.indexOf(child) - 1; index >= 0; index--) {
        const statement = statements[index]!;
        const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
        if (expression?.type === AST_NODE_TYPES.AssignmentExpression && expression.operator === "=" && writes.includes(expression.left as TSESTree.Identifier)) {
          return expression.right;
        }
        // Any other write (in a branch, a loop, a compound assignment) makes the value uncertain here.
        if (writes.some((write) => write.range[0] >= statement.range[0] && write.range[1] <= statement.range[1])) return undefined;
      }
    }
    return undefined;
  }

  /**
   * The arguments a local function's parameter receives, when every use of the function in this file
   * is a direct call (so no caller elsewhere can pass anything else): `init(sql, slot)` → [slot].
   * Undefined for exported functions, functions passed around, or spread arguments.
   */
  argumentsAt(fn: FunctionLike, index: number): TSESTree.Node[] | undefined {
    const name = functionBinding(fn);
    const variable = name ? this.find(name) : undefined;
    if (!variable || variable.references.length === 0 || variable.references.length > MAX_CALL_SITES) return undefined;
    const received: TSESTree.Node[] = [];
    for (const reference of variable.references) {
      if (reference.init) continue;
      const call = reference.identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return undefined;
      const spread = call.arguments.findIndex((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
      if (spread !== -1 && spread <= index) return undefined;
      const argument = call.arguments[index];
      if (!argument) return undefined;
      received.push(argument);
    }
    return received.length > 0 ? received : undefined;
  }

  /** What a function can return: an arrow's expression body, or the arguments of its own `return`s. */
  returnedExpressions(fn: FunctionLike): TSESTree.Expression[] {
    const cached = this.returnCache.get(fn);
    if (cached) return cached;
    const returned: TSESTree.Expression[] = [];
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(fn.body);
    else this.collectReturns(fn.body, returned);
    this.returnCache.set(fn, returned);
    return returned;
  }

  private collectReturns(body: TSESTree.Node, into: TSESTree.Expression[]): void {
    walk(body, (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement) {
        if (node.argument) into.push(node.argument);
        return false;
      }
      // Returns of nested functions belong to them, not to the helper.
      return node === body || !(isFunction(node) || node.type === AST_NODE_TYPES.ClassBody);
    });
  }

}


function blockStatements(node: TSESTree.Node): readonly TSESTree.Node[] | undefined {
  if (node.type === AST_NODE_TYPES.BlockStatement || node.type === AST_NODE_TYPES.Program || node.type === AST_NODE_TYPES.StaticBlock) return node.body;
  if (node.type === AST_NODE_TYPES.SwitchCase) return node.consequent;
  return undefined;
}

/** The class whose `this` a node sees: arrow functions keep it, other functions (except methods) rebind it. */
export function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
    if (current.type === AST_NODE_TYPES.FunctionExpression) {
      const owner = current.parent;
      if (owner?.type !== AST_NODE_TYPES.MethodDefinition && owner?.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
    }
  }
  return undefined;
}

/** `this.name` as a method of the enclosing class (a method or an arrow-function field). */
function classMethod(member: TSESTree.MemberExpression): FunctionLike | undefined {
  const name = memberName(member);
  const classBody = name ? enclosingClassBody(member) : undefined;
  for (const element of classBody?.body ?? []) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (element.computed || element.static || element.key.type !== AST_NODE_TYPES.Identifier || element.key.name !== name) continue;
    if (element.type === AST_NODE_TYPES.MethodDefinition) return element.kind === "method" && element.value.type === AST_NODE_TYPES.FunctionExpression ? element.value : undefined;
    return element.value && isFunction(element.value) ? element.value : undefined;
  }
  return undefined;
}

/** The name a function is bound to in its scope, unless it is exported. */
function functionBinding(fn: FunctionLike): TSESTree.Identifier | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    const exported = fn.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || fn.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
    return exported ? undefined : (fn.id ?? undefined);
  }
  const declarator = fn.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== fn || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const declaration = declarator.parent;
  return declaration.kind === "const" && declaration.parent?.type !== AST_NODE_TYPES.ExportNamedDeclaration ? declarator.id : undefined;
}
