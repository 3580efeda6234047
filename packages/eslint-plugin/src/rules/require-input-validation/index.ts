import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, lastSegmentName, unwrap, walk } from "../../util/ast.js";
import { createRule } from "../../util/create-rule.js";
import { collectModuleBindings, type ModuleBinding } from "../../util/module-bindings.js";
import { perOptions } from "../../util/per-options.js";
import { valueOrigin } from "../../util/value-origin.js";
import { createHandlerFinder, type Handler, handlerName, isRouteRegistration } from "./handlers.js";
import { RequestData } from "./request-data.js";
import { isCandidateName, type Sink, type SinkKind, SinkMatcher } from "./sinks.js";
import { nonStringPrimitiveTest } from "./type-facts.js";
import { isValidatedBefore, isValidatingMiddleware } from "./validation.js";

export type Options = [
  {
    validators?: string[];
  },
];
export type MessageIds = "unvalidatedWrite" | "unvalidatedQuery" | "unvalidatedPath" | "unvalidatedCommand" | "unvalidatedUrl";

const MESSAGE_BY_KIND: Readonly<Record<SinkKind, MessageIds>> = {
  write: "unvalidatedWrite",
  query: "unvalidatedQuery",
  file: "unvalidatedPath",
  shell: "unvalidatedCommand",
  outbound: "unvalidatedUrl",
};
const MAX_SHOWN_LENGTH = 50;

export default createRule<Options, MessageIds>({
  name: "require-input-validation",
  meta: {
    type: "problem",
    defaultOptions: [{ validators: [] }],
    messages: {
      unvalidatedWrite:
        "{{source}} is written by `{{sink}}` as a whole, with no validation before it: a client can set any field (role, owner, price). Validate it with a schema and write the parsed result.",
      unvalidatedQuery:
        "{{source}} is used as the filter of `{{sink}}` with no validation before it: a client can send query operators such as `{ \"$ne\": null }`. Validate it with a schema first.",
      unvalidatedPath: "{{source}} goes into the file path of `{{sink}}` with no validation before it: `../` reaches any file the process can open. Validate it, or keep only its base name.",
      unvalidatedCommand: "{{source}} goes into the command run by `{{sink}}` with no validation before it: a client can add arguments or shell syntax. Validate it against an allow-list.",
      unvalidatedUrl:
        "{{source}} decides where `{{sink}}` sends a request, with no validation before it: a client can make the server call internal addresses. Check the URL against an allow-list.",
    },
    schema: [
      {
        type: "object",
        properties: {
          validators: {
            type: "array",
            items: { type: "string" },
            description: "Names of project functions or middleware that validate request data, when their names do not say so.",
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ validators: [] }],
  create(context, [options]) {
    // Nothing is built per file until a call that can be a sink turns up inside a handler (most files have none).
    let enclosingHandler: ReturnType<typeof createHandlerFinder> | undefined;
    let state: ReturnType<typeof createState> | undefined;
    const createState = () => {
      const sourceCode = context.sourceCode;
      const { validators } = compileOptions(options);
      let bindings: ReadonlyMap<string, ModuleBinding> | undefined;
      const sinks = new SinkMatcher((node) => sourceCode.getText(node), () => (bindings ??= collectModuleBindings(sourceCode.ast)));
      const requestData = new RequestData(sourceCode, nonStringPrimitiveTest(sourceCode));
      const mentionsRequest = (node: TSESTree.Node) => valueOrigin(sourceCode, node) === "request";
      return { sourceCode, validators, sinks, requestData, mentionsRequest, handlersBehindValidation: handlersRegisteredBehindValidation(sourceCode.ast, validators) };
    };

    /** A call whose name a sink can have: is it one, in a handler, fed with request data that nothing validated? */
    const checkCandidate = (call: TSESTree.CallExpression, name: string): void => {
      enclosingHandler ??= createHandlerFinder();
      const handler = enclosingHandler(call);
      if (!handler) return;
      state ??= createState();
      const { sourceCode, validators, mentionsRequest } = state;
      const sink = state.sinks.match(call, name);
      if (!sink) return;
      const source = findSource(sink, state.requestData);
      if (!source) return;
      if (usesConfiguredValidator(handler, call, validators)) return;
      const evidence = {
        handlersBehindValidation: state.handlersBehindValidation,
        ownName: handlerName(handler.fn),
        acceptsHandWrittenChecks: sink.kind !== "write" && sink.kind !== "query",
        mentionsRequest,
      };
      if (isValidatedBefore(handler, call, evidence)) return;
      context.report({
        node: source,
        messageId: MESSAGE_BY_KIND[sink.kind],
        data: { source: `\`${shorten(sourceCode.getText(source))}\``, sink: shorten(sink.callee) },
      });
    };

    return {
      // Runs on every call of every file, so it only dismisses: the rest is in checkCandidate. Every sink
      // acts on an argument (SinkMatcher.match answers nothing without one): a bounds check on the call itself
      // rules out `x.get()`-style calls before their callee's name is read.
      CallExpression(call) {
        if (call.arguments.length === 0) return;
        const name = lastSegmentName(call.callee);
        if (name !== undefined && isCandidateName(name)) checkCandidate(call, name);
      },
    };
  },
});

/** The request read that reaches the sink: a whole object for writes and filters, any read for paths and commands, a leading one for URLs. */
function findSource(sink: Sink, requestData: RequestData): TSESTree.Node | undefined {
  for (const input of sink.inputs) {
    const found =
      sink.kind === "write" || sink.kind === "query"
        ? requestData.wholeObject(input)
        : sink.kind === "outbound"
          ? requestData.leadingRead(input)
          : requestData.firstRead(input);
    if (found) return found;
  }
  return undefined;
}

/** One of the configured `validators` called before `call` in the handler, or used as the route's middleware. */
function usesConfiguredValidator(handler: Handler, call: TSESTree.Node, validators: ReadonlySet<string>): boolean {
  if (validators.size === 0) return false;
  if (handler.registration?.arguments.some((argument) => validators.has(lastSegmentName(argument) ?? lastSegmentName((argument as TSESTree.CallExpression).callee ?? argument) ?? ""))) return true;
  let found = false;
  walk(handler.fn, (node) => {
    if (found || node.range[0] >= call.range[0]) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && validators.has(lastSegmentName(node.callee) ?? "")) found = true;
    return !found;
  });
  return found;
}

/**
 * Handlers declared apart and registered in this file behind validating middleware:
 * `router.post("/", validate(createUserSchema), createUser)` or `router.post("/", [body("email").isEmail()], usersController.create)`.
 */
function handlersRegisteredBehindValidation(program: TSESTree.Program, validators: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  const visit = (node: TSESTree.Node) => {
    if (node.type !== AST_NODE_TYPES.ExpressionStatement) return;
    let expression = unwrap(node.expression);
    // router.route("/x").post(a, b).put(c): every call of the chain.
    while (expression.type === AST_NODE_TYPES.CallExpression) {
      const call = expression;
      if (isRouteRegistration(call) && call.arguments.some((argument) => isValidatingMiddleware(argument) || validators.has(lastSegmentName(argument) ?? ""))) {
        const last = call.arguments.at(-1);
        const name = last && !isFunction(last) ? lastSegmentName(last) : undefined;
        if (name) names.add(name);
      }
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
      expression = unwrap(callee.object);
    }
  };
  program.body.forEach(visit);
  return names;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > MAX_SHOWN_LENGTH ? `${oneLine.slice(0, MAX_SHOWN_LENGTH - 1)}…` : oneLine;
}

const compileOptions = perOptions((options: Options[0]) => ({ validators: new Set(options.validators ?? []) }));
