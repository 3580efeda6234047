import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { lastSegmentName } from "../../util/ast.js";
import { unwrap } from "./variables.js";

/**
 * Recognises an expression that was checked against an allow-list before reaching the SQL:
 * `if (!ALLOWED.includes(col)) throw …`, `ALLOWED.has(sort) ? sort : "id"`, `/^[a-z_]+$/.test(col) && …`,
 * `if (dir !== "asc" && dir !== "desc") return …`, `assertSortable(col)`.
 * Expressions are compared by source text, so `req.query.sort` checked is `req.query.sort` used.
 */
export class AllowListGuards {
  private readonly textOf: (node: TSESTree.Node) => string;

  constructor(
    sourceText: (node: TSESTree.Node) => string,
    private readonly sanitizers: ReadonlySet<string>,
  ) {
    // `key as Column` checked is `key` used.
    this.textOf = (node) => sourceText(unwrap(node));
  }

  /** True when `node` is only reached after a check that proves its value is one of a known set. */
  isValidated(node: TSESTree.Node): boolean {
    const text = this.textOf(node);
    let child: TSESTree.Node = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      switch (parent.type) {
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.ConditionalExpression:
          if (child === parent.consequent && this.checks(parent.test, text, true)) return true;
          if (child === parent.alternate && this.checks(parent.test, text, false)) return true;
          break;
        case AST_NODE_TYPES.LogicalExpression:
          if (child === parent.right && parent.operator === "&&" && this.checks(parent.left, text, true)) return true;
          if (child === parent.right && parent.operator === "||" && this.checks(parent.left, text, false)) return true;
          break;
        case AST_NODE_TYPES.BlockStatement:
        case AST_NODE_TYPES.Program:
        case AST_NODE_TYPES.StaticBlock:
          if (this.checkedByEarlierStatement(parent.body, child, text)) return true;
          break;
        case AST_NODE_TYPES.SwitchCase:
          if (this.checkedByEarlierStatement(parent.consequent, child, text)) return true;
          break;
        default:
          break;
      }
    }
    return false;
  }

  private checkedByEarlierStatement(statements: readonly TSESTree.Node[], child: TSESTree.Node, text: string): boolean {
    const index = statements.indexOf(child);
    for (let i = index - 1; i >= 0; i--) {
      const statement = statements[i]!;
      if (statement.type === AST_NODE_TYPES.IfStatement) {
        // `if (!valid(x)) throw …` and `if (!valid(x)) x = "id";` both leave only validated values after them.
        if (this.checks(statement.test, text, false) && (leavesBlock(statement.consequent) || resetsToLiteral(statement.consequent, text))) {
          return true;
        }
      } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.CallExpression) {
        if (this.isAssertion(statement.expression, text)) return true;
      }
    }
    return false;
  }

  /** `assert(ALLOWED.includes(x))`, `invariant(…)`, `assertColumn(x)`, `validateSort(x)`. */
  private isAssertion(call: TSESTree.CallExpression, text: string): boolean {
    const name = lastSegmentName(call.callee);
    if (!name || name === "require") return false;
    if (!ASSERTION_NAME.test(name) && !this.sanitizers.has(name)) return false;
    return call.arguments.some((argument) => this.textOf(argument) === text || this.checks(argument, text, true));
  }

  /**
   * True when `test` evaluating to `outcome` proves that the expression written `text` holds an
   * allowed value.
   */
  checks(test: TSESTree.Node, text: string, outcome: boolean): boolean {
    const node = unwrap(test);
    switch (node.type) {
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator === "!" && this.checks(node.argument, text, !outcome);
      case AST_NODE_TYPES.LogicalExpression:
        if (node.operator === "&&") {
          return outcome
            ? this.checks(node.left, text, true) || this.checks(node.right, text, true)
            : this.checks(node.left, text, false) && this.checks(node.right, text, false);
        }
        if (node.operator === "||") {
          return outcome
            ? this.checks(node.left, text, true) && this.checks(node.right, text, true)
            : this.checks(node.left, text, false) || this.checks(node.right, text, false);
        }
        return false;
      case AST_NODE_TYPES.BinaryExpression:
        return this.comparisonChecks(node, text, outcome);
      case AST_NODE_TYPES.CallExpression:
        return outcome && this.membershipCall(node, text);
      default:
        return false;
    }
  }

  private comparisonChecks(node: TSESTree.BinaryExpression, text: string, outcome: boolean): boolean {
    const { operator } = node;
    if (operator === "in") return outcome && this.textOf(node.left) === text;
    const equality = operator === "===" || operator === "==";
    const inequality = operator === "!==" || operator === "!=";
    if (equality || inequality) {
      // `x === "asc"` proves x when true; `x !== "asc"` proves it when false.
      const comparesToLiteral =
        (this.textOf(node.left) === text && isPrimitiveLiteral(node.right)) || (this.textOf(node.right) === text && isPrimitiveLiteral(node.left));
      if (comparesToLiteral) return equality === outcome;
      if (isTypeofCheck(node.left, node.right, text, this.textOf) || isTypeofCheck(node.right, node.left, text, this.textOf)) return equality === outcome;
    }
    // `LIST.indexOf(x) !== -1`, `> -1`, `>= 0` prove membership when true; `=== -1`, `< 0` when false.
    const indexOf = unwrap(node.left);
    if (indexOf.type === AST_NODE_TYPES.CallExpression && lastSegmentName(indexOf.callee) === "indexOf" && this.textOf(indexOf.arguments[0] ?? node) === text) {
      const bound = numericValue(node.right);
      if (bound === undefined) return false;
      const foundWhenTrue = ((operator === "!==" || operator === "!=") && bound === -1) || (operator === ">" && bound === -1) || (operator === ">=" && bound === 0);
      const missingWhenTrue = ((operator === "===" || operator === "==") && bound === -1) || (operator === "<" && bound === 0);
      return (foundWhenTrue && outcome) || (missingWhenTrue && !outcome);
    }
    return false;
  }

  /** `LIST.includes(x)`, `SET.has(x)`, `/re/.test(x)`, `Object.hasOwn(MAP, x)`, `isValidColumn(x)`, `Number.isInteger(x)`. */
  private membershipCall(call: TSESTree.CallExpression, text: string): boolean {
    const name = lastSegmentName(call.callee);
    if (!name) return false;
    const argumentTexts = call.arguments.map((argument) => this.textOf(argument));
    if (MEMBERSHIP_METHODS.has(name)) {
      // Object.hasOwn(MAP, x) carries x second.
      const checked = name === "hasOwn" ? argumentTexts[1] : argumentTexts[0];
      return checked === text;
    }
    if (name === "call" && argumentTexts[1] === text) {
      // Object.prototype.hasOwnProperty.call(MAP, x)
      const callee = unwrap(call.callee);
      return callee.type === AST_NODE_TYPES.MemberExpression && lastSegmentName(callee.object) === "hasOwnProperty";
    }
    if (name === "some" || name === "find") return this.textOf(call.arguments[0] ?? call).includes(text);
    return (PREDICATE_NAME.test(name) || this.sanitizers.has(name)) && argumentTexts.includes(text);
  }
}

const MEMBERSHIP_METHODS: ReadonlySet<string> = new Set(["includes", "has", "test", "hasOwn", "hasOwnProperty", "isInteger", "isSafeInteger", "isFinite"]);
/** Predicates named for validation, not for presence: `isValidColumn`, `isAllowedSort`, `isUUID`, not `isEmpty`. */
const PREDICATE_NAME = /^(?:is|has)(?:Valid|Allowed|Safe|Whitelisted|Permitted|Known|Supported|Sortable|Int|Integer|Numeric|Number|Uuid|UUID)/;
const ASSERTION_NAME = /^(?:assert|invariant|validate|ensure|verify)(?:[A-Z_]|$)/;

function isPrimitiveLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && (typeof node.value === "string" || typeof node.value === "number");
}

function isTypeofCheck(maybeTypeof: TSESTree.Node, literal: TSESTree.Node, text: string, textOf: (node: TSESTree.Node) => string): boolean {
  return (
    maybeTypeof.type === AST_NODE_TYPES.UnaryExpression &&
    maybeTypeof.operator === "typeof" &&
    textOf(maybeTypeof.argument) === text &&
    literal.type === AST_NODE_TYPES.Literal &&
    (literal.value === "number" || literal.value === "boolean" || literal.value === "bigint")
  );
}

function numericValue(node: TSESTree.Node): number | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === "number") return node.value;
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === "-" && node.argument.type === AST_NODE_TYPES.Literal && typeof node.argument.value === "number") {
    return -node.argument.value;
  }
  return undefined;
}

/** A branch that never falls through: `throw`, `return`, `break`, `continue`, or a block ending in one. */
function leavesBlock(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement: {
      const last = statement.body.at(-1);
      return last !== undefined && leavesBlock(last);
    }
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate !== null && leavesBlock(statement.consequent) && leavesBlock(statement.alternate);
    default:
      return false;
  }
}

/** `x = "id";` (or a block holding it): the invalid value is replaced by a literal. */
function resetsToLiteral(statement: TSESTree.Statement, text: string): boolean {
  const single = statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length === 1 ? statement.body[0]! : statement;
  if (single.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const expression = single.expression;
  return (
    expression.type === AST_NODE_TYPES.AssignmentExpression &&
    expression.operator === "=" &&
    expression.left.type === AST_NODE_TYPES.Identifier &&
    expression.left.name === text &&
    expression.right.type === AST_NODE_TYPES.Literal
  );
}
