import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, lastSegmentName, memberName } from "../../util/ast.js";
import { endsInsideStringLiteral, type NumericSplices } from "./numeric-splice.js";
import type { ValueSafety } from "./safe-values.js";
import { stringRawTemplate, unwrap, type Variables } from "./variables.js";

/** How an unsafe query string was put together. */
export type Construction = "template" | "concatenation" | "append" | "join" | "format";

export interface UnsafeSql {
  construction: Construction;
  /** The innermost expression spliced into the SQL that is not known to be safe. */
  culprit: TSESTree.Node;
  /** The culprit sits inside an SQL string literal ('…'): the splice a reader should see first. */
  quoted?: boolean;
}

/**
 * Of the unsafe splices of one statement, the one the message names: the first inside an SQL string literal
 * (`DEFAULT '${column.Default}'`), else the first. A table name built by the code's own quoting helper is
 * usually spliced first, and naming it would hide the value that breaks out of its quotes.
 */
function mostTelling(candidates: Iterable<UnsafeSql | undefined>): UnsafeSql | undefined {
  let first: UnsafeSql | undefined;
  for (const candidate of candidates) {
    if (!candidate) continue;
    if (candidate.quoted) return candidate;
    first ??= candidate;
  }
  return first;
}

const MAX_DEPTH = 6;
/** String methods that return the same SQL, modified: `sql.trim()`. */
const SQL_PASS_THROUGH: ReadonlySet<string> = new Set(["trim", "trimStart", "trimEnd", "replace", "replaceAll", "toString"]);
/**
 * printf-style formatters whose first argument is a format string and whose other arguments are spliced
 * into it: `util.format("… %s", id)`, `sprintf(…)` (sprintf-js, printf), `vsprintf(fmt, [id])`.
 */
const FORMATTERS: ReadonlySet<string> = new Set(["format", "sprintf", "vsprintf", "formatWithOptions"]);
/** Directives of those formatters that splice a value in as text. */
const FORMAT_DIRECTIVE = /%[-+ 0#]*\d*(?:\.\d+)?[sdifjoO]|%\([\w.]+\)[sdif]|\{\d*\}/;
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
    private readonly numericSplices: NumericSplices,
  ) {}

  findUnsafe(node: TSESTree.Node, depth = 0, seen = new Set<TSESTree.Node>()): UnsafeSql | undefined {
    if (depth > MAX_DEPTH || seen.has(node)) return undefined;
    seen.add(node);
    const unwrapped = unwrap(node);
    const expression = stringRawTemplate(unwrapped) ?? unwrapped;
    switch (expression.type) {
      case AST_NODE_TYPES.TemplateLiteral:
        return mostTelling(this.templateSplices(expression, depth, seen));
      case AST_NODE_TYPES.BinaryExpression:
        return expression.operator === "+" ? this.findUnsafeConcatenation(expression, depth, seen) : undefined;
      case AST_NODE_TYPES.Identifier:
        return this.findUnsafeVariable(expression, depth, seen);
      case AST_NODE_TYPES.CallExpression:
        return this.findUnsafeCall(expression, depth, seen);
      case AST_NODE_TYPES.ConditionalExpression:
        return mostTelling([this.findUnsafe(expression.consequent, depth + 1, seen), this.findUnsafe(expression.alternate, depth + 1, seen)]);
      case AST_NODE_TYPES.LogicalExpression:
        return mostTelling([this.findUnsafe(expression.left, depth + 1, seen), this.findUnsafe(expression.right, depth + 1, seen)]);
      case AST_NODE_TYPES.ObjectExpression: {
        const text = sqlProperty(expression);
        return text ? this.findUnsafe(text, depth + 1, seen) : undefined;
      }
      default:
        return undefined;
    }
  }

  private findUnsafeConcatenation(expression: TSESTree.BinaryExpression, depth: number, seen: Set<TSESTree.Node>): UnsafeSql | undefined {
    return mostTelling(this.concatenationSplices(expression, depth, seen));
  }

  /**
   * A template's unsafe splices, in order. A local variable spliced in a code position is followed too: its
   * own text may hold the quoted splice (`const defaultValue = \`default '${info.defaultValue}'\``).
   */
  private *templateSplices(template: TSESTree.TemplateLiteral, depth: number, seen: Set<TSESTree.Node>): Generator<UnsafeSql> {
    for (const { spliced, culprit, quoted } of this.safety.unsafeTemplateSplices(template)) {
      if (!quoted && unwrap(spliced).type === AST_NODE_TYPES.Identifier) {
        const inner = this.findUnsafe(spliced, depth + 1, new Set(seen));
        if (inner?.quoted) {
          yield { construction: "template", culprit: inner.culprit, quoted: true };
          continue;
        }
      }
      yield { construction: "template", culprit, quoted };
    }
  }

  private *concatenationSplices(expression: TSESTree.BinaryExpression, depth: number, seen: Set<TSESTree.Node>): Generator<UnsafeSql> {
    const operands = concatenationOperands(expression);
    const hasText = operands.some((operand) => isStringLiteral(operand) || operand.type === AST_NODE_TYPES.TemplateLiteral);
    for (const [index, operand] of operands.entries()) {
      if (isStringLiteral(operand)) continue;
      const nested = this.findUnsafe(operand, depth + 1, seen);
      if (nested) {
        yield { construction: "concatenation", culprit: nested.culprit, quoted: nested.quoted };
        continue;
      }
      // Gluing an unknown value to SQL text is the injection; gluing two unknown values is not ours to judge.
      if (hasText && operand.type !== AST_NODE_TYPES.TemplateLiteral) {
        const culprit = this.safety.unsafePart(operand);
        if (!culprit) continue;
        const textBefore = () => operands.slice(0, index).map((before) => this.staticText(before)).join("");
        const previous = operands[index - 1];
        const adjacentText = previous && isStringLiteral(previous) ? String((previous as TSESTree.Literal).value) : undefined;
        if (!this.numericSplices.isExempt(operand, culprit, textBefore, adjacentText)) {
          yield { construction: "concatenation", culprit, quoted: endsInsideStringLiteral(textBefore()) };
        }
      }
    }
  }

  /**
   * A `.concat()` receiver that is string text written here: a literal, a template, or a local variable
   * holding one (`Buffer.concat()`, `chunks.concat()` and other arrays have their own `concat`).
   */
  private isText(receiver: TSESTree.Node, depth: number, seen: Set<TSESTree.Node>): boolean {
    const node = unwrap(receiver);
    if (isStringLiteral(node) || node.type === AST_NODE_TYPES.TemplateLiteral) return true;
    return node.type === AST_NODE_TYPES.Identifier && this.staticText(node, depth + 1, new Set(seen)).replaceAll(HOLE, "").trim() !== "";
  }

  /** Parts glued into SQL text in order (`.concat()` receivers and arguments): like `+` operands. */
  private findUnsafeParts(parts: readonly TSESTree.Node[], construction: Construction, depth: number, seen: Set<TSESTree.Node>): UnsafeSql | undefined {
    for (const part of parts) {
      if (part.type === AST_NODE_TYPES.SpreadElement || isStringLiteral(part)) continue;
      const nested = this.findUnsafe(part, depth + 1, seen);
      if (nested) return { construction, culprit: nested.culprit };
      if (unwrap(part).type === AST_NODE_TYPES.TemplateLiteral) continue;
      const culprit = this.safety.unsafePart(part);
      if (culprit) return { construction, culprit };
    }
    return undefined;
  }

  /**
   * `util.format("SELECT … WHERE id = %s", id)`: the format string must be text written here with a
   * directive in it (so `format(date)` from a date library is not mistaken for one); the spliced values
   * are judged like template holes. `vsprintf` takes them as an array.
   */
  private findUnsafeFormat(call: TSESTree.CallExpression, name: string, depth: number, seen: Set<TSESTree.Node>): UnsafeSql | undefined | "not-a-format" {
    const formatIndex = name === "formatWithOptions" ? 1 : 0;
    const format = call.arguments[formatIndex];
    if (!format || format.type === AST_NODE_TYPES.SpreadElement) return "not-a-format";
    if (!FORMAT_DIRECTIVE.test(this.staticText(format, depth + 1, seen))) return "not-a-format";
    const values = call.arguments.slice(formatIndex + 1);
    if (name === "vsprintf") {
      const list = values[0] && unwrap(values[0]);
      if (!list || list.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
      return this.findUnsafeParts(list.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== AST_NODE_TYPES.SpreadElement), "format", depth, seen);
    }
    return this.findUnsafeParts(values, "format", depth, seen);
  }

  /** Whether `identifier` names a local `const`/`let`/`var`: the only variables `findUnsafe` follows. */
  isLocalVariable(identifier: TSESTree.Identifier): boolean {
    const variable = this.variables.find(identifier);
    return variable !== undefined && this.variables.isLocal(variable);
  }

  private findUnsafeVariable(identifier: TSESTree.Identifier, depth: number, seen: Set<TSESTree.Node>): UnsafeSql | undefined {
    const variable = this.variables.find(identifier);
    if (!variable || !this.variables.isLocal(variable)) return undefined;
    return mostTelling(this.variableSplices(variable, depth, seen));
  }

  private *variableSplices(variable: NonNullable<ReturnType<Variables["find"]>>, depth: number, seen: Set<TSESTree.Node>): Generator<UnsafeSql | undefined> {
    for (const write of this.variables.writes(variable)) {
      if (write.kind === "init" || write.kind === "assign") {
        yield this.findUnsafe(write.value, depth + 1, seen);
      } else if (write.kind === "append") {
        const nested = this.findUnsafe(write.value, depth + 1, seen);
        const culprit = nested?.culprit ?? this.safety.unsafePart(write.value);
        if (culprit) yield { construction: "append", culprit, quoted: nested?.quoted };
      }
    }
  }

  private findUnsafeCall(call: TSESTree.CallExpression, depth: number, seen: Set<TSESTree.Node>): UnsafeSql | undefined {
    const callee = unwrap(call.callee);
    const name = lastSegmentName(callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      if (name === "join") {
        // Joining pieces that all come from elsewhere passes their text along, like a query that arrives
        // ready-made (pg-boss's knex adapter rejoins its own SQL around `?` placeholders): a join builds SQL
        // here only when the list holds text written here, beside the values.
        if (!this.listHoldsTextWrittenHere(callee.object, depth, seen)) return undefined;
        const culprit = this.safety.unsafeElement(callee.object, 0);
        return culprit ? { construction: "join", culprit } : undefined;
      }
      if (name && SQL_PASS_THROUGH.has(name)) return this.findUnsafe(callee.object, depth + 1, seen);
      // `"SELECT … id = ".concat(id)`: concatenation spelled as a method.
      if (name === "concat" && this.isText(callee.object, depth, seen)) return this.findUnsafeParts([callee.object, ...call.arguments], "concatenation", depth, seen);
    }
    if (name !== undefined && FORMATTERS.has(name)) {
      const formatted = this.findUnsafeFormat(call, name, depth, seen);
      if (formatted !== "not-a-format") return formatted;
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
      if (name === "concat" && this.isText(callee.object, depth, seen)) {
        return [callee.object, ...call.arguments].map((part) => this.staticText(part, depth + 1, seen)).join("");
      }
    }
    const calleeName = lastSegmentName(callee);
    if (calleeName !== undefined && FORMATTERS.has(calleeName)) {
      const format = call.arguments[calleeName === "formatWithOptions" ? 1 : 0];
      if (format) return this.staticText(format, depth + 1, seen).split(FORMAT_DIRECTIVE).join(HOLE);
    }
    const helper = this.variables.localFunction(callee);
    if (!helper) return HOLE;
    return this.variables.returnedExpressions(helper).map((returned) => this.staticText(returned, depth + 1, seen)).join(" ");
  }

  /** Whether a list's elements include text written in this file: literals, templates, or an inline `.map()` callback's. */
  private listHoldsTextWrittenHere(list: TSESTree.Node, depth: number, seen: Set<TSESTree.Node>): boolean {
    const node = unwrap(list);
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = lastSegmentName(node.callee);
      const callback = node.arguments[0];
      if ((method === "map" || method === "flatMap") && callback && isFunction(callback)) {
        return this.variables.returnedExpressions(callback).some((returned) => hasWrittenText(this.staticText(returned, depth + 1, new Set(seen))));
      }
      if (method === "filter" || method === "slice" || method === "concat" || method === "reverse" || method === "sort") {
        return this.listHoldsTextWrittenHere(node.callee.object, depth + 1, seen);
      }
    }
    return hasWrittenText(this.arrayText(list, depth, new Set(seen)));
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

/** Static text with something besides holes and spaces in it. */
function hasWrittenText(text: string): boolean {
  return text.replaceAll(HOLE, "").trim() !== "";
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
