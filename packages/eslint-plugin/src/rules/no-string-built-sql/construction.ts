import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { lastSegmentName, memberName } from "../../util/ast.js";
import type { ValueSafety } from "./safe-values.js";
import { stringRawTemplate, unwrap, type Variables } from "./variables.js";

/** How an unsafe query string was put together. */
export type Construction = "template" | "concatenation" | "append" | "join";

export interface UnsafeSql {
  construction: Construction;
  /** The innermost expression spliced into the SQL that is not known to be safe. */
  culprit: TSESTree.Node;
}

const MAX_DEPTH = 6;
/** String methods that return the same SQL, modified: `sql.trim()`. */
const SQL_PASS_THROUGH: ReadonlySet<string> = new Set(["trim", "trimStart", "trimEnd", "replace", "replaceAll", "toString"]);
/** Properties carrying the SQL text in config-object calls: pg's `{ text }`, mysql's `{ sql }`. */
const SQL_PROPERTIES: ReadonlySet<string> = new Set(["text", "sql"]);
/** Stands for an interpolated value in the static text used to recognise SQL. */
const HOLE = "\u0000";

/**
 * Follows the argument of a query call back to where its text is assembled: a template literal, a
 * concatenation, `+=` appends to a local variable, `parts.join(…)`, or the return value of a helper in
 * the same file. Plain values that arrive from elsewhere (a parameter, a call result) are not reports:
 * the rule looks for SQL built here.
 */
export class SqlConstruction {
  constructor(
    private readonly variables: Variables,
    private readonly safety: ValueSafety,
  ) {}

  findUnsafe(node: TSESTree.Node, depth = 0, seen = new Set<TSESTree.Node>()): UnsafeSql | undefined {
    if (depth > MAX_DEPTH || seen.has(node)) return undefined;
    seen.add(node);
    const unwrapped = unwrap(node);
    const expression = stringRawTemplate(unwrapped) ?? unwrapped;
    switch (expression.type) {
      case AST_NODE_TYPES.TemplateLiteral:
        for (const interpolated of expression.expressions) {
          const culprit = this.safety.unsafePart(interpolated);
          if (culprit) return { construction: "template", culprit };
        }
        return undefined;
      case AST_NODE_TYPES.BinaryExpression:
        return expression.operator === "+" ? this.findUnsafeConcatenation(expression, depth, seen) : undefined;
      case AST_NODE_TYPES.Identifier:
        return this.findUnsafeVariable(expression, depth, seen);
      case AST_NODE_TYPES.CallExpression:
        return this.findUnsafeCall(expression, depth, seen);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.findUnsafe(expression.consequent, depth + 1, seen) ?? this.findUnsafe(expression.alternate, depth + 1, seen);
      case AST_NODE_TYPES.LogicalExpression:
        return this.findUnsafe(expression.left, depth + 1, seen) ?? this.findUnsafe(expression.right, depth + 1, seen);
      case AST_NODE_TYPES.ObjectExpression: {
        const text = sqlProperty(expression);
        return text ? this.findUnsafe(text, depth + 1, seen) : undefined;
      }
      default:
        return undefined;
    }
  }

  private findUnsafeConcatenation(expression: TSESTree.BinaryExpression, depth: number, seen: Set<TSESTree.Node>): UnsafeSql | undefined {
    const operands = concatenationOperands(expression);
    const hasText = operands.some((operand) => isStringLiteral(operand) || operand.type === AST_NODE_TYPES.TemplateLiteral);
    for (const operand of operands) {
      if (isStringLiteral(operand)) continue;
      const nested = this.findUnsafe(operand, depth + 1, seen);
      if (nested) return { construction: "concatenation", culprit: nested.culprit };
      // Gluing an unknown value to SQL text is the injection; gluing two unknown values is not ours to judge.
      if (hasText && operand.type !== AST_NODE_TYPES.TemplateLiteral) {
        const culprit = this.safety.unsafePart(operand);
        if (culprit) return { construction: "concatenation", culprit };
      }
    }
    return undefined;
  }

  private findUnsafeVariable(identifier: TSESTree.Identifier, depth: number, seen: Set<TSESTree.Node>): UnsafeSql | undefined {
    const variable = this.variables.find(identifier);
    if (!variable || !this.variables.isLocal(variable)) return undefined;
    for (const write of this.variables.writes(variable)) {
      if (write.kind === "init" || write.kind === "assign") {
        const found = this.findUnsafe(write.value, depth + 1, seen);
        if (found) return found;
      } else if (write.kind === "append") {
        const nested = this.findUnsafe(write.value, depth + 1, seen);
        const culprit = nested?.culprit ?? this.safety.unsafePart(write.value);
        if (culprit) return { construction: "append", culprit };
      }
    }
    return undefined;
  }

  private findUnsafeCall(call: TSESTree.CallExpression, depth: number, seen: Set<TSESTree.Node>): UnsafeSql | undefined {
    const callee = unwrap(call.callee);
    const name = lastSegmentName(callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      if (name === "join") {
        const culprit = this.safety.unsafeElement(callee.object, 0);
        return culprit ? { construction: "join", culprit } : undefined;
      }
      if (name && SQL_PASS_THROUGH.has(name)) return this.findUnsafe(callee.object, depth + 1, seen);
    }
    const helper = this.variables.localFunction(callee);
    if (!helper || helper.async || helper.generator) return undefined;
    for (const returned of this.variables.returnedExpressions(helper)) {
      const found = this.findUnsafe(returned, depth + 1, seen);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The fixed text of a query, with `HOLE` where values go, gathered through the same variables,
   * appends, joins and helpers as `findUnsafe`. Used to tell SQL from other strings.
   */
  staticText(node: TSESTree.Node, depth = 0, seen = new Set<TSESTree.Node>()): string {
    if (depth > MAX_DEPTH || seen.has(node)) return HOLE;
    seen.add(node);
    const unwrapped = unwrap(node);
    const expression = stringRawTemplate(unwrapped) ?? unwrapped;
    switch (expression.type) {
      case AST_NODE_TYPES.Literal:
        return typeof expression.value === "string" ? expression.value : HOLE;
      case AST_NODE_TYPES.TemplateLiteral:
        return expression.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(HOLE);
      case AST_NODE_TYPES.BinaryExpression:
        return expression.operator === "+"
          ? concatenationOperands(expression).map((operand) => this.staticText(operand, depth + 1, seen)).join("")
          : HOLE;
      case AST_NODE_TYPES.ConditionalExpression:
        return `${this.staticText(expression.consequent, depth + 1, seen)} ${this.staticText(expression.alternate, depth + 1, seen)}`;
      case AST_NODE_TYPES.ObjectExpression: {
        const text = sqlProperty(expression);
        return text ? this.staticText(text, depth + 1, seen) : HOLE;
      }
      case AST_NODE_TYPES.Identifier:
        return this.variableText(expression, depth, seen);
      case AST_NODE_TYPES.CallExpression:
        return this.callText(expression, depth, seen);
      default:
        return HOLE;
    }
  }

  private variableText(identifier: TSESTree.Identifier, depth: number, seen: Set<TSESTree.Node>): string {
    const variable = this.variables.find(identifier);
    if (!variable || !this.variables.isLocal(variable)) return HOLE;
    const pieces: string[] = [];
    for (const write of this.variables.writes(variable)) {
      if (write.kind === "init" || write.kind === "assign" || write.kind === "append") pieces.push(this.staticText(write.value, depth + 1, seen));
    }
    return pieces.join("") || HOLE;
  }

  private callText(call: TSESTree.CallExpression, depth: number, seen: Set<TSESTree.Node>): string {
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(callee);
      if (name === "join") return this.arrayText(callee.object, depth, seen);
      if (name && SQL_PASS_THROUGH.has(name)) return this.staticText(callee.object, depth + 1, seen);
    }
    const helper = this.variables.localFunction(callee);
    if (!helper) return HOLE;
    return this.variables.returnedExpressions(helper).map((returned) => this.staticText(returned, depth + 1, seen)).join(" ");
  }

  private arrayText(array: TSESTree.Node, depth: number, seen: Set<TSESTree.Node>): string {
    const node = unwrap(array);
    if (node.type === AST_NODE_TYPES.ArrayExpression) {
      return node.elements.map((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? this.staticText(element, depth + 1, seen) : HOLE)).join(" ");
    }
    if (node.type !== AST_NODE_TYPES.Identifier) return HOLE;
    const variable = this.variables.find(node);
    if (!variable || !this.variables.isLocal(variable)) return HOLE;
    const pieces = this.variables.writes(variable).map((write) => (write.kind === "init" || write.kind === "assign" ? this.arrayText(write.value, depth + 1, seen) : ""));
    for (const added of this.variables.arrayAdditions(variable)) pieces.push(this.staticText(added, depth + 1, seen));
    return pieces.join(" ");
  }
}

/** `a + "b" + c` → [a, "b", c]. */
function concatenationOperands(expression: TSESTree.BinaryExpression): TSESTree.Node[] {
  const operands: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node) => {
    if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === "+") {
      visit(node.left);
      visit(node.right);
    } else {
      operands.push(node);
    }
  };
  visit(expression);
  return operands;
}

function isStringLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === "string";
}

function sqlProperty(object: TSESTree.ObjectExpression): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : "";
    if (SQL_PROPERTIES.has(key)) return property.value;
  }
  return undefined;
}
