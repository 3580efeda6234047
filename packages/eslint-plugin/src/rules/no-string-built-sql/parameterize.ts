import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { memberName } from "../../util/ast.js";
import type { Sink } from "./sinks.js";
import { isValuePosition } from "./sql-text.js";

export type SuggestionMessageId = "parameterize" | "useTaggedTemplate";

export interface Suggestion {
  messageId: SuggestionMessageId;
  data: Record<string, string>;
  fix: TSESLint.ReportFixFunction;
}

/** Where the values go once the text holds placeholders. */
type Destination = "arrayArgument" | "statementCall" | "replacements" | "typeormParameters";

type Style =
  | {
      kind: "placeholders";
      placeholder: (index: number, name: string) => string;
      /** Placeholders already in the text would be renumbered or mixed up: no suggestion then. */
      existingPlaceholder: RegExp;
      destination: Destination;
      allowLimit: boolean;
      callbackAllowed: boolean;
      data: { placeholder: string; destination: string };
    }
  | { kind: "tagged"; tag: (call: TSESTree.CallExpression, callee: TSESTree.MemberExpression) => string };

const DOLLAR = /\$\d/;
const QUESTION = /\?/;
const COLON_NAME = /(?<![:\w]):\w/;

const STYLES = {
  pg: {
    kind: "placeholders", placeholder: (index) => `$${index}`, existingPlaceholder: DOLLAR, destination: "arrayArgument",
    allowLimit: true, callbackAllowed: true, data: { placeholder: "$1, $2, …", destination: "a values array" },
  },
  questionMarks: {
    // mysql quotes `?` values, so `LIMIT ?` with a string from a request would break: leave LIMIT alone.
    kind: "placeholders", placeholder: () => "?", existingPlaceholder: QUESTION, destination: "arrayArgument",
    allowLimit: false, callbackAllowed: true, data: { placeholder: "?", destination: "a values array" },
  },
  knex: {
    kind: "placeholders", placeholder: () => "?", existingPlaceholder: QUESTION, destination: "arrayArgument",
    allowLimit: false, callbackAllowed: false, data: { placeholder: "?", destination: "a bindings array" },
  },
  betterSqlite: {
    kind: "placeholders", placeholder: () => "?", existingPlaceholder: QUESTION, destination: "statementCall",
    allowLimit: true, callbackAllowed: false, data: { placeholder: "?", destination: "the statement call" },
  },
  sequelize: {
    kind: "placeholders", placeholder: () => "?", existingPlaceholder: QUESTION, destination: "replacements",
    allowLimit: false, callbackAllowed: false, data: { placeholder: "?", destination: "`replacements`" },
  },
  oracledb: {
    kind: "placeholders", placeholder: (index) => `:${index}`, existingPlaceholder: COLON_NAME, destination: "arrayArgument",
    allowLimit: true, callbackAllowed: false, data: { placeholder: ":1, :2, …", destination: "a binds array" },
  },
  typeorm: {
    kind: "placeholders", placeholder: (_index, name) => `:${name}`, existingPlaceholder: COLON_NAME, destination: "typeormParameters",
    allowLimit: true, callbackAllowed: false, data: { placeholder: ":name", destination: "a parameters object" },
  },
} satisfies Record<string, Style>;

const SQLITE3_PARAMETER_METHODS: ReadonlySet<string> = new Set(["run", "all", "get", "each", "map", "prepare"]);
const STATEMENT_RUNNERS: ReadonlySet<string> = new Set(["get", "all", "run", "iterate"]);

function chooseStyle(sink: Sink, sourceCode: Readonly<TSESLint.SourceCode>): Style | undefined {
  const library = sink.library ?? sink.likelyLibrary();
  const { method } = sink;
  switch (library) {
    case "pg":
      return method === "query" ? STYLES.pg : undefined;
    case "mysql":
      return STYLES.questionMarks;
    case "sqlite3":
    case "sqlite":
      return SQLITE3_PARAMETER_METHODS.has(method) ? STYLES.questionMarks : undefined;
    case "better-sqlite3":
      return method === "prepare" ? STYLES.betterSqlite : undefined;
    case "knex":
      return STYLES.knex;
    case "sequelize":
      return method === "query" ? STYLES.sequelize : undefined;
    case "typeorm":
      return sink.role === "queryBuilder" ? STYLES.typeorm : undefined;
    case "oracledb":
      return method === "execute" ? STYLES.oracledb : undefined;
    case "pg-promise":
      // pg-promise formats $1, $2… from the values array passed second, as pg does.
      return STYLES.pg;
    case "prisma":
      return method === "$queryRawUnsafe" || method === "$executeRawUnsafe"
        ? { kind: "tagged", tag: (_call, callee) => `${sourceCode.getText(callee.object)}.${method === "$queryRawUnsafe" ? "$queryRaw" : "$executeRaw"}` }
        : undefined;
    case "drizzle":
    case "kysely":
    case "postgres":
      return { kind: "tagged", tag: (_call, callee) => sourceCode.getText(callee.object) };
    case "mssql":
      // mssql's query() and batch() also accept a tagged template and bind each value as @param1, @param2…
      return { kind: "tagged", tag: (_call, callee) => sourceCode.getText(callee) };
    default:
      return undefined;
  }
}

/**
 * The parameterised form of a query whose text is a template literal written in the call, when the
 * rewrite is mechanical: every value it moves out sits where SQL takes a value (`= ${x}`, `LIKE '%${q}%'`,
 * `VALUES (${a}, ${b})`), and the call has no values argument yet. Otherwise no suggestion.
 */
export function suggestParameterized(
  sink: Sink,
  isSafe: (node: TSESTree.Expression) => boolean,
  sourceCode: Readonly<TSESLint.SourceCode>,
): Suggestion | undefined {
  const template = sink.sqlArgument;
  if (template.type !== AST_NODE_TYPES.TemplateLiteral || sink.call.arguments[0] !== template) return undefined;
  const style = chooseStyle(sink, sourceCode);
  if (!style) return undefined;
  const textOf = (node: TSESTree.Node) => sourceCode.getText(node);

  if (style.kind === "tagged") {
    const callee = sink.call.callee;
    if (sink.call.arguments.length !== 1 || sink.call.optional || callee.type !== AST_NODE_TYPES.MemberExpression || callee.optional || callee.computed) return undefined;
    const rewrite = rewriteTemplate(template, () => true, (_index, valueText) => `\${${valueText}}`, { allowLimit: true }, textOf);
    if (!rewrite) return undefined;
    const tag = style.tag(sink.call, callee);
    const typeArguments = sink.call.typeArguments ? textOf(sink.call.typeArguments) : "";
    return {
      messageId: "useTaggedTemplate",
      data: { tag },
      fix: (fixer) => fixer.replaceText(sink.call, `${tag}${typeArguments}\`${rewrite.body}\``),
    };
  }

  const rawText = template.quasis.map((quasi) => quasi.value.raw).join("");
  if (style.existingPlaceholder.test(rawText)) return undefined;
  const names = new ParameterNames();
  const rewrite = rewriteTemplate(
    template,
    (expression) => !isSafe(expression),
    (index, _valueText, expression) => style.placeholder(index, names.allocate(expression)),
    { allowLimit: style.allowLimit },
    textOf,
  );
  if (!rewrite || rewrite.values.length === 0) return undefined;
  const insertValues = valuesInserter(sink, style, rewrite.values, names.allocated, sourceCode);
  if (!insertValues) return undefined;
  const newTemplate = `\`${rewrite.body}\``;
  return {
    messageId: "parameterize",
    data: style.data,
    fix: (fixer) => [fixer.replaceText(template, newTemplate), ...insertValues(fixer, template)],
  };
}

type Inserter = (fixer: TSESLint.RuleFixer, template: TSESTree.TemplateLiteral) => TSESLint.RuleFix[];

function valuesInserter(sink: Sink, style: Extract<Style, { kind: "placeholders" }>, values: string[], names: string[], sourceCode: Readonly<TSESLint.SourceCode>): Inserter | undefined {
  const args = sink.call.arguments;
  const array = `[${values.join(", ")}]`;
  switch (style.destination) {
    case "arrayArgument": {
      const onlyCallbackAfter = args.length === 2 && style.callbackAllowed && (args[1]!.type === AST_NODE_TYPES.ArrowFunctionExpression || args[1]!.type === AST_NODE_TYPES.FunctionExpression);
      if (args.length !== 1 && !onlyCallbackAfter) return undefined;
      return (fixer, template) => [fixer.insertTextAfter(template, `, ${array}`)];
    }
    case "statementCall": {
      // db.prepare(`…`).get() → db.prepare("… ?").get(value)
      const member = sink.call.parent;
      const runner = member?.parent;
      if (
        args.length !== 1 ||
        member?.type !== AST_NODE_TYPES.MemberExpression ||
        member.object !== sink.call ||
        !STATEMENT_RUNNERS.has(memberName(member) ?? "") ||
        runner?.type !== AST_NODE_TYPES.CallExpression ||
        runner.callee !== member ||
        runner.arguments.length !== 0
      ) {
        return undefined;
      }
      const closing = sourceCode.getLastToken(runner);
      if (!closing || closing.value !== ")") return undefined;
      return (fixer) => [fixer.insertTextBefore(closing, values.join(", "))];
    }
    case "replacements": {
      if (args.length === 1) return (fixer, template) => [fixer.insertTextAfter(template, `, { replacements: ${array} }`)];
      const options = args[1];
      if (args.length !== 2 || options?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      const takesValues = options.properties.some(
        (property) => property.type !== AST_NODE_TYPES.Property || sourceCode.getText(property.key).replace(/["']/g, "").match(/^(?:replacements|bind)$/),
      );
      if (takesValues) return undefined;
      const first = options.properties[0];
      if (!first) return (fixer) => [fixer.replaceText(options, `{ replacements: ${array} }`)];
      return (fixer) => [fixer.insertTextBefore(first, `replacements: ${array}, `)];
    }
    case "typeormParameters": {
      if (args.length !== 1) return undefined;
      const entries = names.map((name, index) => (values[index] === name ? name : `${name}: ${values[index]}`));
      return (fixer, template) => [fixer.insertTextAfter(template, `, { ${entries.join(", ")} }`)];
    }
    default:
      return undefined;
  }
}

/** TypeORM parameter names taken from what is interpolated: `${user.email}` → `:email`. */
class ParameterNames {
  readonly allocated: string[] = [];

  allocate(expression: TSESTree.Node): string {
    const base = baseName(expression);
    let name = base;
    for (let suffix = 2; this.allocated.includes(name); suffix++) name = `${base}${suffix}`;
    this.allocated.push(name);
    return name;
  }
}

function baseName(expression: TSESTree.Node): string {
  let candidate: string | undefined;
  if (expression.type === AST_NODE_TYPES.Identifier) candidate = expression.name;
  else if (expression.type === AST_NODE_TYPES.MemberExpression) candidate = memberName(expression);
  return candidate && /^[A-Za-z_]\w*$/.test(candidate) ? candidate : "value";
}

interface Rewrite {
  /** Raw template text with placeholders in place of the moved values. */
  body: string;
  /** Source text of each moved value, in order. */
  values: string[];
}

/**
 * Replaces interpolations by placeholders. A value quoted in the SQL (`'${name}'`, `'%${q}%'`) loses its
 * quotes and moves whole, as `` `%${q}%` ``. Returns undefined when a moved value is not in a value position.
 */
function rewriteTemplate(
  template: TSESTree.TemplateLiteral,
  shouldMove: (expression: TSESTree.Expression) => boolean,
  placeholder: (index: number, valueText: string, expression: TSESTree.Expression) => string,
  options: { allowLimit: boolean },
  textOf: (node: TSESTree.Node) => string,
): Rewrite | undefined {
  const raws = template.quasis.map((quasi) => quasi.value.raw);
  const values: string[] = [];
  let body = "";
  // The SQL seen so far, with a neutral token for each interpolation; used for quote parity and context.
  let sql = "";
  for (const [index, expression] of template.expressions.entries()) {
    let before = raws[index]!;
    let after = raws[index + 1]!;
    const expressionText = expression.type === AST_NODE_TYPES.SequenceExpression ? `(${textOf(expression)})` : textOf(expression);
    if (!shouldMove(expression)) {
      body += `${before}\${${textOf(expression)}}`;
      sql += `${before}x`;
      continue;
    }
    let valueText = expressionText;
    const quoted = countQuotes(sql + before) % 2 === 1;
    if (quoted) {
      const open = before.lastIndexOf("'");
      const close = after.indexOf("'");
      // The string began before an earlier interpolation, or does not end before the next one.
      if (open === -1 || close === -1) return undefined;
      const prefix = before.slice(open + 1);
      const suffix = after.slice(0, close);
      if (prefix || suffix) valueText = `\`${prefix}\${${textOf(expression)}}${suffix}\``;
      before = before.slice(0, open);
      after = after.slice(close + 1);
    }
    if (!isValuePosition(sql + before, after, { ...options, quoted })) return undefined;
    values.push(valueText);
    body += before + placeholder(values.length, valueText, expression);
    sql += `${before}?`;
    raws[index + 1] = after;
  }
  body += raws.at(-1)!;
  return { body, values };
}

function countQuotes(text: string): number {
  let count = 0;
  for (const char of text) if (char === "'") count++;
  return count;
}
