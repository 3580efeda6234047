import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { memberName } from "../../util/ast.js";


/**
 * How much of the caught error an expression carries, from most to least:
 * - `object`: the error itself (`err`, `{ err }`, `new Error("x", { cause: err })`);
 * - `stack`: its stack trace (`err.stack`, `util.inspect(err)`), which also holds the message;
 * - `detail`: some other part of it (`err.code`, `err.response.data`, `serializeError(err)`);
 * - `text`: only its message (`err.message`, `String(err)`, `` `${err}` ``, `err.toString()`);
 * - `none`: nothing from the error.
 */
export type ErrorUse = "object" | "stack" | "detail" | "text" | "none";

const RANK: Record<ErrorUse, number> = { none: 0, text: 1, detail: 2, stack: 3, object: 4 };

export function strongest(a: ErrorUse, b: ErrorUse): ErrorUse {
  return RANK[a] >= RANK[b] ? a : b;
}

/** True when the expression hands on the error itself or its stack, so nothing is lost. */
export function carriesError(use: ErrorUse): boolean {
  return use === "object" || use === "stack";
}

/** Error properties that are only its message; every other property counts as `detail`. */
const TEXT_PROPERTIES = new Set(["message", "name"]);
/** Calls that turn their argument into a string (losing the stack). */
const STRINGIFY_FUNCTIONS = new Set(["String", "stringify", "format", "toString"]);
/** `util.inspect(err)` prints the stack too. */
const INSPECT_FUNCTIONS = new Set(["inspect"]);
const MESSAGE_HELPER = /message|text|string/i;

/**
 * The identifiers that refer to the caught error or to values derived from it.
 * Built once per handler from the scope manager, so shadowed names never mix up.
 */
export class ErrorReferences {
  private readonly uses = new Map<TSESTree.Node, ErrorUse>();

  constructor(
    /** The name the handler binds the error to, e.g. `err`. */
    readonly bindingName: string,
    /** With type information: whether a value is typed as an `Error` (or a subclass). */
    private readonly isErrorTyped?: (node: TSESTree.Node) => boolean,
  ) {}

  static fromBinding(
    sourceCode: Readonly<TSESLint.SourceCode>,
    owner: TSESTree.Node,
    binding: TSESTree.Identifier,
    isErrorTyped?: (node: TSESTree.Node) => boolean,
  ): ErrorReferences {
    const references = new ErrorReferences(binding.name, isErrorTyped);
    const variable = sourceCode.getDeclaredVariables(owner).find((candidate) => candidate.identifiers.includes(binding));
    if (variable) references.follow(sourceCode, variable, "object");
    return references;
  }

  /** Records every read of `variable` and follows `const alias = <derived from it>` declarations. */
  private follow(sourceCode: Readonly<TSESLint.SourceCode>, start: TSESLint.Scope.Variable, startUse: ErrorUse): void {
    const queue: Array<[TSESLint.Scope.Variable, ErrorUse]> = [[start, startUse]];
    const seen = new Set<TSESLint.Scope.Variable>();
    while (queue.length > 0) {
      const [variable, use] = queue.shift()!;
      if (seen.has(variable)) continue;
      seen.add(variable);
      for (const reference of variable.references) this.uses.set(reference.identifier, use);
      for (const reference of variable.references) {
        // `for (const inner of err.errors)`: each item is a part of the error.
        const loop = aliasTarget(reference.identifier);
        if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const item of sourceCode.getDeclaredVariables(loop.left)) queue.push([item, "detail"]);
          continue;
        }
        const declarator = loop?.type === AST_NODE_TYPES.VariableDeclarator ? loop : undefined;
        if (!declarator?.init) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) {
          const aliasUse = this.classify(declarator.init);
          if (aliasUse === "none") continue;
          for (const alias of sourceCode.getDeclaredVariables(declarator)) queue.push([alias, aliasUse]);
        } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && carriesError(this.classify(declarator.init))) {
          // `const { message, code } = err`
          for (const property of declarator.id.properties) {
            if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
            const key = !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : "";
            const propertyUse: ErrorUse = TEXT_PROPERTIES.has(key) ? "text" : key === "stack" ? "stack" : "detail";
            const value = property.value;
            const alias = sourceCode.getDeclaredVariables(declarator).find((v) => v.identifiers.includes(value));
            if (alias) queue.push([alias, propertyUse]);
          }
        }
      }
    }
  }

  /** True when the handler never reads the error. */
  get isUnused(): boolean {
    return this.uses.size === 0;
  }

  /** Whether `identifier` is a read of the error or of an alias of it. */
  useOf(identifier: TSESTree.Node): ErrorUse {
    return this.uses.get(identifier) ?? "none";
  }

  /** The first identifier inside `node` that holds the error object itself (`error` in `error.message`). */
  errorObjectIn(node: TSESTree.Node): TSESTree.Identifier | undefined {
    for (const [identifier, use] of this.uses) {
      if (use === "object" && identifier.type === AST_NODE_TYPES.Identifier && identifier.range[0] >= node.range[0] && identifier.range[1] <= node.range[1]) {
        return identifier;
      }
    }
    return undefined;
  }

  /** Whether any identifier inside `node` refers to the error (cheap: compares node ranges). */
  isMentionedIn(node: TSESTree.Node): boolean {
    for (const identifier of this.uses.keys()) {
      if (identifier.range[0] >= node.range[0] && identifier.range[1] <= node.range[1]) return true;
    }
    return false;
  }

  /** How much of the error `node` carries when passed as a value (a log argument, a thrown value...). */
  classify(node: TSESTree.Node): ErrorUse {
    const use = this.classifySyntax(node);
    // With type information, a value derived from the error (`normalize(err)`, `err.cause`) that is typed as an
    // Error is an error object: logging it keeps a stack, and logging its `.message` drops one. Only derived
    // values are asked about, so the checker runs on a few nodes per handler.
    if (use === "detail" && this.isErrorTyped && TYPE_CHECKED.has(node.type) && this.isErrorTyped(node)) return "object";
    return use;
  }

  private classifySyntax(node: TSESTree.Node): ErrorUse {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.useOf(node);
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.ChainExpression:
        return this.classify(node.expression);
      case AST_NODE_TYPES.AwaitExpression:
        return this.classify(node.argument);
      case AST_NODE_TYPES.MemberExpression:
        return this.classifyMember(node);
      case AST_NODE_TYPES.CallExpression:
        return this.classifyCall(node);
      case AST_NODE_TYPES.NewExpression:
        return this.strongestOf(node.arguments);
      case AST_NODE_TYPES.TemplateLiteral:
        return node.expressions.reduce<ErrorUse>((use, expression) => strongest(use, this.classifyStringified(expression)), "none");
      case AST_NODE_TYPES.BinaryExpression:
        return node.operator === "+"
          ? strongest(this.classifyStringified(node.left), this.classifyStringified(node.right))
          : "none";
      case AST_NODE_TYPES.ConditionalExpression:
        return this.classifyConditional(node);
      case AST_NODE_TYPES.LogicalExpression:
        return strongest(this.classify(node.left), this.classify(node.right));
      case AST_NODE_TYPES.ObjectExpression:
        return node.properties.reduce<ErrorUse>((use, property) => {
          if (property.type === AST_NODE_TYPES.SpreadElement) {
            // `{ ...err }` copies only own enumerable fields: the message and stack are lost.
            return strongest(use, this.classify(property.argument) === "none" ? "none" : "detail");
          }
          return strongest(use, this.classify(property.value));
        }, "none");
      case AST_NODE_TYPES.ArrayExpression:
        return this.strongestOf(node.elements.filter((element): element is TSESTree.Expression | TSESTree.SpreadElement => element !== null));
      case AST_NODE_TYPES.SpreadElement:
        return this.classify(node.argument);
      default:
        return "none";
    }
  }

  /** Like `classify`, for a value that is converted to a string (template or `+`): the error object becomes its message. */
  classifyStringified(node: TSESTree.Node): ErrorUse {
    const use = this.classify(node);
    return use === "object" ? "text" : use;
  }

  private strongestOf(nodes: readonly TSESTree.Node[]): ErrorUse {
    return nodes.reduce<ErrorUse>((use, argument) => strongest(use, this.classify(argument)), "none");
  }

  private classifyMember(node: TSESTree.MemberExpression): ErrorUse {
    const base = this.classify(node.object);
    if (base === "none") return "none";
    if (base !== "object") return base;
    const property = memberName(node);
    if (property === "stack") return "stack";
    if (property !== undefined && TEXT_PROPERTIES.has(property)) return "text";
    return "detail";
  }

  private classifyCall(node: TSESTree.CallExpression): ErrorUse {
    const callee = node.callee;
    const calleeName =
      callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    // `err.toString()`, `err.message.trim()`: a method called on the error or its text.
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const receiver = this.classify(callee.object);
      if (receiver === "object") return calleeName === "toString" ? "text" : "detail";
      if (receiver !== "none") return receiver;
    }
    const argumentsUse = this.strongestOf(node.arguments);
    if (argumentsUse === "none" || calleeName === undefined) return argumentsUse === "none" ? "none" : "detail";
    if (STRINGIFY_FUNCTIONS.has(calleeName)) return argumentsUse === "stack" ? "stack" : "text";
    if (INSPECT_FUNCTIONS.has(calleeName)) return argumentsUse === "object" ? "stack" : argumentsUse;
    if (MESSAGE_HELPER.test(calleeName)) return "text";
    // An unknown helper (`serializeError(err)`, `Promise.reject(err)`, `wrap(err)`) keeps the error in some form.
    return argumentsUse === "text" ? "text" : argumentsUse === "object" && isErrorFactory(calleeName) ? "object" : "detail";
  }

  /**
   * `err instanceof Error ? err.message : String(err)` logs only text for every real Error, so the branch
   * taken for an Error decides; other conditionals carry whatever their strongest branch carries.
   */
  private classifyConditional(node: TSESTree.ConditionalExpression): ErrorUse {
    const test = unwrapNegation(node.test);
    if (test.node.type === AST_NODE_TYPES.BinaryExpression && test.node.operator === "instanceof" && this.classify(test.node.left) !== "none") {
      return this.classify(test.negated ? node.alternate : node.consequent);
    }
    return strongest(this.classify(node.consequent), this.classify(node.alternate));
  }
}

/** Value expressions whose type can say they hold an Error; `{ ...err }` and operators never do. */
const TYPE_CHECKED = new Set<AST_NODE_TYPES>([AST_NODE_TYPES.Identifier, AST_NODE_TYPES.MemberExpression, AST_NODE_TYPES.CallExpression]);

/** Names of calls that wrap an error while keeping it (`Promise.reject(err)`, `createError(500, err)`). */
function isErrorFactory(name: string): boolean {
  return name === "reject" || /error|exception|fail/i.test(name);
}


export function unwrapNegation(node: TSESTree.Expression): { node: TSESTree.Expression; negated: boolean } {
  let negated = false;
  let current = node;
  while (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === "!") {
    negated = !negated;
    current = current.argument;
  }
  return { node: current, negated };
}

/**
 * The declarator that `identifier` initialises through a chain of expressions (`const e = err as Error`,
 * `const msg = err instanceof Error ? err.message : String(err)`), or the `for...of` loop it is iterated
 * by (`for (const inner of err.errors)`), or undefined.
 */
function aliasTarget(identifier: TSESTree.Node): TSESTree.VariableDeclarator | TSESTree.ForOfStatement | undefined {
  let node: TSESTree.Node = identifier;
  for (let depth = 0; depth < 8 && node.parent; depth++) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type === AST_NODE_TYPES.VariableDeclarator) return parent.init === node ? parent : undefined;
    if (parent.type === AST_NODE_TYPES.ForOfStatement) return parent.right === node ? parent : undefined;
    if (!ALIAS_WRAPPERS.has(parent.type)) return undefined;
    node = parent;
  }
  return undefined;
}

const ALIAS_WRAPPERS = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.Property,
  AST_NODE_TYPES.AwaitExpression,
]);
