import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { lastSegmentName } from "../../util/ast.js";
import { createRule } from "../../util/create-rule.js";
import { perOptions } from "../../util/per-options.js";
import { type Construction, SqlConstruction } from "./construction.js";
import { AllowListGuards } from "./guards.js";
import { suggestParameterized, type SuggestionMessageId } from "./parameterize.js";
import { LibraryResolver } from "./receivers.js";
import { NumericSplices } from "./numeric-splice.js";
import { ValueSafety } from "./safe-values.js";
import { type AdditionalSink, SinkMatcher, sinkCandidateNames } from "./sinks.js";
import { looksLikeSql } from "./sql-text.js";
import { createTypeFacts } from "./type-facts.js";
import { stringRawTemplate, unwrap, Variables } from "./variables.js";

type Options = [
  {
    additionalSinks?: AdditionalSink[];
    allowedIdentifierPattern?: string;
    sanitizers?: string[];
  },
];
type MessageId = "interpolated" | "concatenated" | "appended" | "joined" | "formatted" | SuggestionMessageId;

const MESSAGE_BY_CONSTRUCTION: Readonly<Record<Construction, MessageId>> = {
  template: "interpolated",
  concatenation: "concatenated",
  append: "appended",
  join: "joined",
  format: "formatted",
};

/** Argument shapes that can carry built SQL; literals and the like are dismissed before any lookup. */
const BUILDABLE_ARGUMENTS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.TaggedTemplateExpression,
]);
/** A condition in a TypeORM `where()`: a comparison, not a column name. */
const CONDITION_TEXT = /[=<>]|\b(?:like|ilike|in|is|between|exists)\b/i;
const MAX_SHOWN_LENGTH = 60;

export default createRule<Options, MessageId>({
  name: "no-string-built-sql",
  meta: {
    type: "problem",
    hasSuggestions: true,
    defaultOptions: [{ additionalSinks: [], sanitizers: [] }],
    messages: {
      interpolated: 'SQL passed to {{sink}} is built with a template literal interpolating "{{value}}"; pass values as parameters.',
      concatenated: 'SQL passed to {{sink}} is built by concatenating "{{value}}"; pass values as parameters.',
      appended: 'SQL passed to {{sink}} is built with += appending "{{value}}"; pass values as parameters.',
      joined: 'SQL passed to {{sink}} is built by joining parts that include "{{value}}"; pass values as parameters.',
      formatted: 'SQL passed to {{sink}} is built with a printf-style formatter splicing in "{{value}}"; pass values as parameters.',
      parameterize: "Use {{placeholder}} placeholders and pass the values in {{destination}}.",
      useTaggedTemplate: "Use the {{tag}}`…` tagged template, which sends each interpolated value as a parameter.",
    },
    schema: [
      {
        type: "object",
        properties: {
          additionalSinks: {
            type: "array",
            description: "Project functions or methods that run their first argument as SQL.",
            items: {
              type: "object",
              properties: {
                object: { type: "string", description: "Receiver name, e.g. `db` for `db.run(…)` or `this.db.run(…)`; omit to match any receiver and plain calls." },
                method: { type: "string", description: "Method or function name." },
              },
              required: ["method"],
              additionalProperties: false,
            },
          },
          allowedIdentifierPattern: {
            type: "string",
            description: "Regular expression; interpolated expressions whose source text matches it are trusted.",
          },
          sanitizers: {
            type: "array",
            items: { type: "string" },
            description: "Names of project functions that escape or validate a value for SQL.",
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ additionalSinks: [], sanitizers: [] }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const compiled = compileOptions(options);
    // Per-file helpers are built on the first candidate call, so files without queries pay nothing.
    let state: ReturnType<typeof createState> | undefined;
    const createState = () => {
      const variables = new Variables(sourceCode);
      const typeFacts = createTypeFacts(sourceCode);
      const resolver = new LibraryResolver(sourceCode.ast, variables, typeFacts);
      const textOf = (node: TSESTree.Node) => sourceCode.getText(node);
      const { sanitizers, allowedIdentifierPattern } = compiled;
      const guards = new AllowListGuards(textOf, sanitizers);
      const numericSplices = new NumericSplices(sourceCode, variables);
      const safety = new ValueSafety(sourceCode, variables, guards, resolver, typeFacts, { allowedIdentifierPattern, sanitizers }, numericSplices);
      return { safety, construction: new SqlConstruction(variables, safety, numericSplices), sinks: new SinkMatcher(sourceCode, resolver, options.additionalSinks ?? []) };
    };
    const { candidateNames } = compiled;

    return {
      CallExpression(call) {
        const method = lastSegmentName(call.callee);
        if (!method || !candidateNames.has(method)) return;
        const sqlArgument = call.arguments[0];
        if (!sqlArgument || sqlArgument.type === AST_NODE_TYPES.SpreadElement) return;
        const shape = unwrap(sqlArgument);
        if (!BUILDABLE_ARGUMENTS.has(shape.type)) return;
        if (shape.type === AST_NODE_TYPES.TemplateLiteral && shape.expressions.length === 0) return;
        // Other tags (sql`…`, Prisma.sql`…`) bind their values; only String.raw is plain interpolation.
        if (shape.type === AST_NODE_TYPES.TaggedTemplateExpression && !stringRawTemplate(shape)) return;

        state ??= createState();
        // `map.get(key)` is far more common than a query. A plain variable can only hold SQL built here
        // when it is a local one (usually it is a parameter): check that first, then the receiver, and only
        // then follow how the variable was built (the costly part, e.g. through every part of a cache key).
        const { construction, sinks } = state;
        if (shape.type === AST_NODE_TYPES.Identifier && !construction.isLocalVariable(shape)) return;
        const sink = sinks.match(call, method, sqlArgument);
        if (!sink) return;
        // The text test is cheap next to judging every spliced value: it goes first (`cache.get(\`user:${id}\`)`).
        if (sink.requiresSqlText || sink.requiresCondition) {
          const text = construction.staticText(sqlArgument);
          if (sink.requiresSqlText && !looksLikeSql(text)) return;
          if (sink.requiresCondition && !CONDITION_TEXT.test(text)) return;
        }
        const unsafe = construction.findUnsafe(sqlArgument);
        if (!unsafe) return;

        const safety = state.safety;
        const suggestion = suggestParameterized(sink, (node) => safety.unsafePart(node) === undefined, sourceCode);
        context.report({
          node: sqlArgument,
          messageId: MESSAGE_BY_CONSTRUCTION[unsafe.construction],
          data: { sink: sink.description, value: shorten(sourceCode.getText(unsafe.culprit)) },
          suggest: suggestion ? [suggestion] : [],
        });
      },
    };
  },
});

/** One line, at most MAX_SHOWN_LENGTH characters, so long expressions keep messages readable. */
function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > MAX_SHOWN_LENGTH ? `${oneLine.slice(0, MAX_SHOWN_LENGTH - 1)}…` : oneLine;
}

/** What the rule derives from its options, once per configuration. */
const compileOptions = perOptions((options: Options[0]) => ({
  sanitizers: new Set(options.sanitizers ?? []),
  allowedIdentifierPattern: compilePattern(options.allowedIdentifierPattern),
  candidateNames: sinkCandidateNames(options.additionalSinks ?? []),
}));

function compilePattern(pattern: string | undefined): RegExp | undefined {
  if (pattern === undefined) return undefined;
  try {
    return new RegExp(pattern, "u");
  } catch (error) {
    throw new Error(`vibeguard/no-string-built-sql: allowedIdentifierPattern ${JSON.stringify(pattern)} is not a valid regular expression`, { cause: error });
  }
}
