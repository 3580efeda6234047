import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, memberName, parentSkippingWrappers, unwrap } from "../../util/ast.js";
import { valueOrigin } from "../../util/value-origin.js";
import type { Variables } from "./variables.js";

/*
 * The numeric-position exemption. A value the code does arithmetic on, spliced unquoted where SQL expects
 * a number (after a comparison or arithmetic operator, or LIMIT/OFFSET/TOP), is a number in its author's
 * model: TypeORM's nested-set executor computes `entity.right - entity.left + 1` and splices
 * `WHEN lft > ${entity.left} THEN lft - ${treeSize}`. It is not a proof (a string survives `x - 1` as NaN),
 * so both signals are required, and a value that visibly comes from a request, a file or the network is
 * never exempt: `LIMIT ${req.query.limit}` stays a report. A value spliced inside quotes is not exempt
 * either (knex's `DEFAULT '${column.Default}'`): quoting it says the author treats it as text.
 */

/** Stands for a spliced value in the text before a splice. */
export const VALUE_HOLE = "\u0000";

/** Binary operators whose operands JavaScript converts to numbers. `+` counts only next to a number literal. */
const ARITHMETIC_OPERATORS: ReadonlySet<string> = new Set(["-", "*", "/", "%", "**", "|", "&", "^", "<<", ">>", ">>>"]);
const ARITHMETIC_ASSIGNMENTS: ReadonlySet<string> = new Set(["-=", "*=", "/=", "%=", "**=", "|=", "&=", "^=", "<<=", ">>=", ">>>="]);
/** SQL text after which a value is a number: comparison and arithmetic operators, LIMIT/OFFSET/TOP, MySQL's `LIMIT n,`. */
const NUMERIC_POSITION = /(?:<>|!=|<=|>=|[=<>+%]|(?<![-/*])-|(?<!\*)\/|[\w)\]"`\u0000]\s*\*|\b(?:limit|offset|top)|\blimit\s+\S+\s*,)$/i;
/** `SELECT *`, `DISTINCT *`: a star that is a column list, not a multiplication. */
const STAR_COLUMNS = /\b(?:select|distinct|all)\s*\*$/i;
/**
 * What the SQL text right before a splice must end with for `NUMERIC_POSITION` to match: a cheap first
 * test on that one piece of text, before the whole text before the splice is put together and scanned.
 */
const MAY_BE_NUMERIC_POSITION = /(?:[-=<>+*/%,]|\b(?:limit|offset|top))\s*$/i;
/** Where a value came from, when that rules the exemption out. */
const EXTERNAL_ORIGINS: ReadonlySet<string> = new Set(["request", "file", "network"]);

/** Whether a splice after `textBefore` (SQL text, `VALUE_HOLE` for earlier values) is in an unquoted numeric position. */
export function isNumericPosition(textBefore: string): boolean {
  if (!endsInCode(textBefore)) return false;
  const trimmed = textBefore.trimEnd();
  return NUMERIC_POSITION.test(trimmed) && !STAR_COLUMNS.test(trimmed);
}

/** The quick test: false means `isNumericPosition` is false for any text ending with `adjacentText`. */
export function mayBeNumericPosition(adjacentText: string): boolean {
  return MAY_BE_NUMERIC_POSITION.test(adjacentText);
}

/**
 * Whether the end of `text` is SQL code: not inside a quoted string or identifier ('…', "…", `…`, $$…$$)
 * nor a comment (-- …, /* … *\/). A backslash inside quotes escapes the next character (MySQL).
 */
function endsInCode(text: string): boolean {
  return stateAtEnd(text) === "code";
}

/** Whether the end of `text` is inside an SQL string literal ('…' or $$…$$): a value spliced there is data written as text. */
export function endsInsideStringLiteral(text: string): boolean {
  const state = stateAtEnd(text);
  return state === "'" || state === "$$";
}

/** What the end of `text` is inside: SQL code, a comment, or the quote that is open. */
function stateAtEnd(text: string): "code" | "comment" | string {
  let quote: string | undefined;
  let comment: "line" | "block" | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const next = text[index + 1];
    if (comment === "line") {
      if (char === "\n") comment = undefined;
    } else if (comment === "block") {
      if (char === "*" && next === "/") {
        comment = undefined;
        index++;
      }
    } else if (quote) {
      if (char === "\\" && quote !== "$$") index++;
      else if (quote === "$$" ? char === "$" && next === "$" : char === quote) {
        if (quote === "$$") index++;
        quote = undefined;
      }
    } else if (char === "'" || char === '"' || char === "`") {
      quote = char;
    } else if (char === "$" && next === "$") {
      quote = "$$";
      index++;
    } else if (char === "-" && next === "-") {
      comment = "line";
    } else if (char === "/" && next === "*") {
      comment = "block";
      index++;
    }
  }
  return comment !== undefined ? "comment" : (quote ?? "code");
}

/** Decides the exemption for one spliced expression; see the comment at the top of this file. */
export class NumericSplices {
  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly variables: Variables,
  ) {}

  /**
   * True when `spliced`, found unsafe (`culprit` is what makes it so), is exempt: it sits in an unquoted
   * numeric position, the same function uses it as an arithmetic operand, and neither it nor the culprit
   * visibly comes from outside (request, file, network).
   */
  isExempt(spliced: TSESTree.Node, culprit: TSESTree.Node, textBefore: () => string, adjacentText?: string): boolean {
    // `adjacentText`, when known, is the literal text right before the splice (a template's quasi).
    if (adjacentText !== undefined && !mayBeNumericPosition(adjacentText)) return false;
    const access = accessPath(spliced);
    if (!access || !isNumericPosition(textBefore())) return false;
    if (!this.usedInArithmetic(access, spliced)) return false;
    return !this.comesFromOutside(spliced) && !this.comesFromOutside(culprit);
  }

  private comesFromOutside(node: TSESTree.Node): boolean {
    const origin = valueOrigin(this.sourceCode as TSESLint.SourceCode, node);
    return origin !== undefined && EXTERNAL_ORIGINS.has(origin);
  }

  /** Another read of the same variable and member path, in the same function, that is an arithmetic operand. */
  private usedInArithmetic(access: AccessPath, spliced: TSESTree.Node): boolean {
    const variable = this.variables.find(access.root);
    if (!variable) return false;
    const home = enclosingFunction(spliced);
    for (const reference of variable.references) {
      const identifier = reference.identifier;
      if (identifier === access.root || identifier.type !== AST_NODE_TYPES.Identifier) continue;
      const use = followPath(identifier, access.path);
      if (use && isArithmeticOperand(use) && enclosingFunction(use) === home) return true;
    }
    return false;
  }
}

interface AccessPath {
  root: TSESTree.Identifier;
  /** Member names from the root outwards: `entity.left` → ["left"]. */
  path: string[];
}

/** `x` or `x.a.b` (static names only); undefined for calls, `this.x`, computed members and the like. */
function accessPath(node: TSESTree.Node): AccessPath | undefined {
  const path: string[] = [];
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = current.computed ? undefined : memberName(current);
    if (name === undefined) return undefined;
    path.unshift(name);
    current = unwrap(current.object);
  }
  return current.type === AST_NODE_TYPES.Identifier ? { root: current, path } : undefined;
}

/** The expression reading `path` from `identifier` (`entity` + ["left"] → `entity.left`), if this reference does. */
function followPath(identifier: TSESTree.Identifier, path: readonly string[]): TSESTree.Node | undefined {
  let node: TSESTree.Node = identifier;
  for (const name of path) {
    const parent = parentSkippingWrappers(node);
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || unwrap(parent.object) !== unwrap(node) || parent.computed || memberName(parent) !== name) {
      return undefined;
    }
    node = parent;
  }
  return node;
}

/** `a - b`, `a * 2`, `a + 1`, `a -= n`, `a++`: JavaScript arithmetic with `use` as an operand. */
function isArithmeticOperand(use: TSESTree.Node): boolean {
  const parent = parentSkippingWrappers(use);
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.BinaryExpression) {
    if (ARITHMETIC_OPERATORS.has(parent.operator)) return true;
    if (parent.operator !== "+") return false;
    const other = unwrap(parent.left) === unwrap(use) ? parent.right : parent.left;
    const literal = unwrap(other);
    return literal.type === AST_NODE_TYPES.Literal && typeof literal.value === "number";
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression) return ARITHMETIC_ASSIGNMENTS.has(parent.operator) && unwrap(parent.left) === unwrap(use);
  return parent.type === AST_NODE_TYPES.UpdateExpression;
}

function enclosingFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}
