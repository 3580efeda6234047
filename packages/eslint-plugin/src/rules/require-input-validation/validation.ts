import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { memberName, propertyKeyName, unwrap, walk } from "../../util/ast.js";
import { decoratorName } from "../../util/value-origin.js";
import type { Handler } from "./handlers.js";

/**
 * Methods that validate their argument: zod (`parse`, `safeParse`, `parseAsync`), yup (`validate`,
 * `validateSync`, `cast`, `isValid`), joi (`validate`, `validateAsync`, `attempt`, `assert`),
 * superstruct (`assert`, `create`, `mask`, `is`), TypeBox (`Value.Check`, `Value.Decode`, `Value.Parse`,
 * compiled `.Check`), ajv (`validate`), class-validator (`validate`, `validateOrReject`).
 */
const VALIDATING_METHODS = new Set([
  "parse",
  "safeParse",
  "parseAsync",
  "safeParseAsync",
  "spa",
  "validate",
  "validateSync",
  "validateAsync",
  "validateOrReject",
  "isValid",
  "isValidSync",
  "cast",
  "attempt",
  "assert",
  "mask",
  "is",
  "Check",
  "Decode",
  "Parse",
]);
/** Receivers whose `parse` reads a format and validates nothing. */
const NON_VALIDATING_RECEIVERS = new Set(["JSON", "path", "url", "URL", "qs", "querystring", "Date", "cookie", "YAML", "yaml", "csv", "xml"]);
/**
 * Function names that validate: valibot's `parse`/`safeParse`/`is`, express-validator's
 * `validationResult`/`matchedData`, class-transformer + class-validator, and local helpers named
 * for it (`validateUser`, `assertValidPayload`, `parseCreateOrder`, `checkBody`, `ensureOwner`).
 */
const VALIDATING_FUNCTION = /^(?:validat|assert|pars|safeParse|check|ensure|verify|sanitiz|is[A-Z]\w*Valid|validationResult$|matchedData$|plainToInstance$|plainToClass$)/;
/** Middleware that validates before the handler runs, by name: celebrate, zValidator, validateBody(schema), body("email").isEmail(). */
const VALIDATING_MIDDLEWARE = /valid|celebrate|schema|sanitiz|check|zod|joi|yup|dto|body|query|param|guard/i;
/** Statements that leave the handler early: the shape of a hand-written check. */
const EXITS = new Set([AST_NODE_TYPES.ReturnStatement, AST_NODE_TYPES.ThrowStatement]);

/** Whether the request `handler` reaches `sink` only after something validated what the client sent. */
export function isValidatedBefore(
  handler: Handler,
  sink: TSESTree.Node,
  evidence: {
    /** Names of handlers the file registers behind validating middleware: `router.post("/", validate(s), createUser)`. */
    handlersBehindValidation: ReadonlySet<string>;
    ownName: string | undefined;
    /** Whether an `if` that returns or throws counts: yes for one value (a path, a URL), not for a whole body. */
    acceptsHandWrittenChecks: boolean;
    mentionsRequest: (node: TSESTree.Node) => boolean;
  },
): boolean {
  if (routeValidates(handler)) return true;
  if (evidence.ownName !== undefined && evidence.handlersBehindValidation.has(evidence.ownName)) return true;
  if (handler.nestMethod && nestValidates(handler.nestMethod)) return true;
  return validatesInBody(handler.fn, sink.range[0], evidence.acceptsHandWrittenChecks ? evidence.mentionsRequest : undefined);
}

/** Middleware or a Fastify `schema` on the registration of the route. */
function routeValidates(handler: Handler): boolean {
  if (handler.routeOptions && handler.routeOptions.properties.some((property) => property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === "schema")) {
    return true;
  }
  const registration = handler.registration;
  if (!registration) return false;
  return registration.arguments.some((argument, index) => index > 0 && argument !== handler.fn && isValidatingMiddleware(argument));
}

/** `validate(schema)`, `celebrate({...})`, `[body("email").isEmail()]`, `zValidator("json", schema)`, `validateBody`. */
export function isValidatingMiddleware(node: TSESTree.Node): boolean {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.ArrayExpression) return current.elements.some((element) => element !== null && isValidatingMiddleware(element));
  if (current.type === AST_NODE_TYPES.Identifier) return VALIDATING_MIDDLEWARE.test(current.name);
  if (current.type === AST_NODE_TYPES.CallExpression) {
    // express-validator: body("email").isEmail().normalizeEmail(): look at the start of the chain.
    let callee = unwrap(current.callee);
    while (callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.CallExpression) {
      callee = unwrap((unwrap(callee.object) as TSESTree.CallExpression).callee);
    }
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    return name !== undefined && VALIDATING_MIDDLEWARE.test(name);
  }
  return false;
}

/** `@UsePipes(...)` on the method or its controller, or `@Body(new ValidationPipe())` on a parameter. */
function nestValidates(method: TSESTree.MethodDefinition): boolean {
  const classNode = method.parent.parent;
  const classDecorators = classNode?.type === AST_NODE_TYPES.ClassDeclaration || classNode?.type === AST_NODE_TYPES.ClassExpression ? (classNode.decorators ?? []) : [];
  if ([...(method.decorators ?? []), ...classDecorators].some((decorator) => decoratorName(decorator) === "UsePipes")) return true;
  return method.value.params.some((param) => {
    const decorators = "decorators" in param ? ((param.decorators as TSESTree.Decorator[] | undefined) ?? []) : [];
    return decorators.some((decorator) => {
      const expression = unwrap(decorator.expression);
      return expression.type === AST_NODE_TYPES.CallExpression && expression.arguments.some((argument) => /Pipe\b/.test(textName(argument)));
    });
  });
}

function textName(node: TSESTree.Node): string {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.NewExpression || current.type === AST_NODE_TYPES.CallExpression) return textName(current.callee);
  if (current.type === AST_NODE_TYPES.Identifier) return current.name;
  if (current.type === AST_NODE_TYPES.MemberExpression) return memberName(current) ?? "";
  return "";
}

/**
 * A validating call, or an `if` that leaves the handler (return/throw) on a condition, before
 * `position` in the handler's body: `schema.parse(req.body)`, `const { error } = schema.validate(body)`,
 * `if (typeof name !== "string") return res.status(400).end()`.
 */
function validatesInBody(fn: TSESTree.Node, position: number, checkMentionsRequest: ((node: TSESTree.Node) => boolean) | undefined): boolean {
  let found = false;
  walk(fn, (node) => {
    if (found || node.range[0] >= position) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && isValidatingCall(node)) found = true;
    else if (checkMentionsRequest && node.type === AST_NODE_TYPES.IfStatement && exitsEarly(node.consequent) && mentions(node.test, checkMentionsRequest)) found = true;
    return !found;
  });
  return found;
}

/** Whether the condition reads the request, or a value taken from it. */
function mentions(test: TSESTree.Node, mentionsRequest: (node: TSESTree.Node) => boolean): boolean {
  let found = false;
  walk(test, (node) => {
    if (found) return false;
    if ((node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) && mentionsRequest(node)) found = true;
    return !found;
  });
  return found;
}

function isValidatingCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return VALIDATING_FUNCTION.test(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  if (method === undefined) return false;
  const receiver = unwrap(callee.object);
  if (receiver.type === AST_NODE_TYPES.Identifier && NON_VALIDATING_RECEIVERS.has(receiver.name)) return false;
  return VALIDATING_METHODS.has(method) || VALIDATING_FUNCTION.test(method);
}

/** A branch that returns or throws (directly or as its last statement). */
function exitsEarly(statement: TSESTree.Statement): boolean {
  if (EXITS.has(statement.type)) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body.at(-1);
    return last !== undefined && EXITS.has(last.type);
  }
  return false;
}
