import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { calleeName, unwrap } from "../../util/ast.js";
import { createRule } from "../../util/create-rule.js";
import { ignoredPathsMatcher } from "./ignored-paths.js";
import { collectModuleBindings } from "../../util/module-bindings.js";
import { perOptions } from "../../util/per-options.js";
import { describeOrigin, type ValueOrigin, valueOrigin } from "../../util/value-origin.js";
import { isBuiltString, isConstantCode } from "./constant-values.js";
import { jsYamlMajor } from "./js-yaml-version.js";
import { CANDIDATE_NAMES, type Sink, SinkMatcher } from "./sinks.js";
import { isStringTyped } from "./type-facts.js";
import { unsafeYamlSchema } from "./yaml-schemas.js";

export type Options = [
  {
    ignoredPaths?: string[];
    jsYamlMajor?: number;
  },
];
export type MessageIds =
  | "evaluatedCode"
  | "stringTimer"
  | "sandboxedCode"
  | "unsafeDeserializer"
  | "yamlDefaultSchema"
  | "yamlUnsafeSchema"
  | "yamlUnsafeLoad"
  | "v8Deserialize"
  | "useJsonParse"
  | "useSafeLoad";

/** v8.deserialize is how tools read their own caches; only bytes that visibly come from outside are reported. */
const EXTERNAL_BYTES: ReadonlySet<ValueOrigin> = new Set(["request", "network"]);

export default createRule<Options, MessageIds>({
  name: "no-unsafe-deserialization",
  meta: {
    type: "problem",
    hasSuggestions: true,
    defaultOptions: [{ ignoredPaths: [] }],
    messages: {
      evaluatedCode: "{{callee}} runs a value that is not a constant as JavaScript{{origin}}; whoever controls it can run any code in this process.",
      stringTimer: "{{callee}} is given a string built at run time, which it evaluates as JavaScript{{origin}}; pass a function instead.",
      sandboxedCode:
        "{{callee}} runs a value that is not a constant in a vm2 sandbox{{origin}}; vm2 is discontinued and its sandbox has known escapes, so this runs code with the process's rights.",
      unsafeDeserializer:
        "{{callee}} from `{{module}}` rebuilds functions from its input and can run them{{origin}}; use JSON.parse and validate the result.",
      yamlDefaultSchema:
        "{{callee}} of js-yaml {{major}} uses the default full schema, whose `!!js/function` tags build functions from the document{{origin}}; use {{safe}}.",
      yamlUnsafeSchema: "{{callee}} is given {{schema}}, which builds JavaScript functions from YAML tags{{origin}}; use the default schema.",
      yamlUnsafeLoad: "{{callee}} builds JavaScript values from any YAML tag{{origin}}; use `load` with the default schema.",
      v8Deserialize:
        "{{callee}} reads bytes{{origin}}; the V8 serialization format is not meant for untrusted input, so exchange JSON and validate it instead.",
      useJsonParse: "Parse the value with JSON.parse instead of running it.",
      useSafeLoad: "Call {{safe}}, which only builds plain data.",
    },
    schema: [
      {
        type: "object",
        properties: {
          ignoredPaths: {
            type: "array",
            items: { type: "string" },
            description: "Globs or /regex/ strings for files to skip, such as build tools and developer REPL scripts.",
          },
          jsYamlMajor: {
            type: "integer",
            minimum: 1,
            description: "Major version of js-yaml the project uses; by default read from the installed package or the nearest package.json.",
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ ignoredPaths: [] }],
  create(context, [options]) {
    const compiled = compileOptions(options);
    if (compiled.isIgnoredFile(context.filename, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    // Built on the first candidate call rather than for every file.
    let matcher: SinkMatcher | undefined;
    const origin = (node: TSESTree.Node) => valueOrigin(sourceCode, node);

    const check = (call: TSESTree.CallExpression | TSESTree.NewExpression) => {
      // Every sink runs or reads an argument (SinkMatcher.match answers nothing without one): checked
      // on the call itself, before its callee's name is read.
      if (call.arguments.length === 0) return;
      const name = calleeName(call.callee);
      if (name === undefined || !CANDIDATE_NAMES.has(name)) return;
      matcher ??= new SinkMatcher(sourceCode, () => collectModuleBindings(sourceCode.ast));
      const sink = matcher.match(call, name);
      if (sink) reportSink(context, call, sink, origin, options.jsYamlMajor);
    };
    return { CallExpression: check, NewExpression: check };
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

function reportSink(
  context: Context,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  sink: Sink,
  originOf: (node: TSESTree.Node) => ValueOrigin | undefined,
  configuredYamlMajor: number | undefined,
): void {
  const sourceCode = context.sourceCode;
  const constant = (node: TSESTree.Node) => isConstantCode(sourceCode, node);
  switch (sink.kind) {
    case "evaluates": {
      const codes = sink.codes ?? (sink.code ? [sink.code] : []);
      if (codes.every(constant)) return;
      const found = firstOrigin(codes, originOf);
      const suggest = found && sink.callee === "`eval`" && sink.code && call.type === AST_NODE_TYPES.CallExpression ? jsonParseSuggestion(sourceCode, call, sink.code) : [];
      context.report({ node: call, messageId: "evaluatedCode", data: { callee: sink.callee, origin: describeOrigin(found) }, suggest });
      return;
    }
    case "timer": {
      if (constant(sink.code)) return;
      const isString = isBuiltString(sourceCode, sink.code) || isStringTyped(sourceCode, sink.code) === true;
      if (!isString) return;
      context.report({ node: sink.code, messageId: "stringTimer", data: { callee: sink.callee, origin: describeOrigin(originOf(sink.code)) } });
      return;
    }
    case "sandbox": {
      if (constant(sink.code)) return;
      context.report({ node: call, messageId: "sandboxedCode", data: { callee: sink.callee, origin: describeOrigin(originOf(sink.code)) } });
      return;
    }
    case "deserializer": {
      if (constant(sink.input)) return;
      const data = { callee: sink.callee, module: sink.module, origin: describeOrigin(originOf(sink.input)) };
      context.report({ node: call, messageId: "unsafeDeserializer", data });
      return;
    }
    case "yamlUnsafeLoad": {
      if (constant(sink.input)) return;
      context.report({ node: call, messageId: "yamlUnsafeLoad", data: { callee: sink.callee, origin: describeOrigin(originOf(sink.input)) } });
      return;
    }
    case "yamlLoad": {
      reportYamlLoad(context, call, sink, originOf, configuredYamlMajor);
      return;
    }
    case "v8": {
      const found = originOf(sink.input);
      if (!found || !EXTERNAL_BYTES.has(found)) return;
      context.report({ node: call, messageId: "v8Deserialize", data: { callee: sink.callee, origin: describeOrigin(found) } });
      return;
    }
  }
}

function reportYamlLoad(
  context: Context,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  sink: Extract<Sink, { kind: "yamlLoad" }>,
  originOf: (node: TSESTree.Node) => ValueOrigin | undefined,
  configuredYamlMajor: number | undefined,
): void {
  const sourceCode = context.sourceCode;
  if (isConstantCode(sourceCode, sink.input)) return;
  const origin = describeOrigin(originOf(sink.input));
  const schema = unsafeYamlSchema(sourceCode, sink.options);
  if (schema.verdict === "unsafe") {
    context.report({ node: schema.node, messageId: "yamlUnsafeSchema", data: { callee: sink.callee, schema: schema.description, origin } });
    return;
  }
  if (schema.verdict !== "default") return;
  // No schema given: only js-yaml 3's default (DEFAULT_FULL_SCHEMA) runs code.
  const major = configuredYamlMajor ?? jsYamlMajor(context.filename);
  if (major === undefined || major > 3) return;
  const safe = sink.safeName ? `\`${sink.safeName}\`` : "`safeLoad`";
  const callee = unwrap(call.callee);
  const suggest: TSESLint.ReportSuggestionArray<MessageIds> =
    sink.safeName && callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed
      ? [{ messageId: "useSafeLoad", data: { safe }, fix: (fixer) => fixer.replaceText(callee.property, sink.safeName!) }]
      : [];
  context.report({ node: call, messageId: "yamlDefaultSchema", data: { callee: sink.callee, major: `${major}`, safe, origin }, suggest });
}

function firstOrigin(nodes: readonly TSESTree.Node[], originOf: (node: TSESTree.Node) => ValueOrigin | undefined): ValueOrigin | undefined {
  for (const node of nodes) {
    const found = originOf(node);
    if (found) return found;
  }
  return undefined;
}

/**
 * `eval(text)` and the old `eval("(" + text + ")")` idiom both parse data: suggest `JSON.parse(text)`.
 * Offered only when the value visibly comes from outside, where it is data rather than code.
 */
function jsonParseSuggestion(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression, code: TSESTree.Node): TSESLint.ReportSuggestionArray<MessageIds> {
  const data = parenthesizedData(code) ?? code;
  return [{ messageId: "useJsonParse", fix: (fixer) => fixer.replaceText(call, `JSON.parse(${sourceCode.getText(data)})`) }];
}

/** The `x` of `"(" + x + ")"` or `` `(${x})` ``. */
function parenthesizedData(node: TSESTree.Node): TSESTree.Node | undefined {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.TemplateLiteral && current.expressions.length === 1) {
    const [head, tail] = current.quasis;
    if (head?.value.cooked === "(" && tail?.value.cooked === ")") return current.expressions[0];
  }
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === "+" && isLiteral(current.right, ")")) {
    const left = unwrap(current.left);
    if (left.type === AST_NODE_TYPES.BinaryExpression && left.operator === "+" && isLiteral(left.left, "(")) return left.right;
  }
  return undefined;
}

function isLiteral(node: TSESTree.Node, value: string): boolean {
  return node.type === AST_NODE_TYPES.Literal && node.value === value;
}

const compileOptions = perOptions((options: Options[0]) => ({
  isIgnoredFile: ignoredPathsMatcher(options.ignoredPaths ?? []),
}));
