import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { type ErrorReferences, type ErrorUse, carriesError, strongest } from "./error-references.js";

/** What a log entry's arguments say about the failure. */
export interface EntryAnalysis {
  /** The most of the error any argument carries. */
  errorUse: ErrorUse;
  /** Some argument identifies the operation: a descriptive message, an id, a structured field. */
  hasContext: boolean;
  /** The message, when the only message is a generic one ("Error:", "Something went wrong"). */
  genericMessage: string | undefined;
  /** Object literals among the arguments (pino's merging object, winston's meta). */
  structuredObjects: TSESTree.ObjectExpression[];
}

/**
 * Messages that say something failed but not what: "Error", "An error occurred:", "Unexpected error",
 * "Something went wrong", "Failed". Compared after lower-casing and dropping punctuation and `%s`.
 */
const GENERIC_MESSAGE =
  /^(?:(?:an?|the|got|got an?|caught|caught an?|some)\s)?(?:(?:unexpected|unknown|unhandled|uncaught|internal|fatal|general|generic)\s)?(?:error|errors|err|e|exception|failure|failed|fail|problem|oops|whoops|something went wrong|something failed)(?:\s(?:occurred|occured|happened|caught|thrown|detected|encountered|was thrown|has occurred|has occured))?$/;
const FORMAT_SPECIFIER = /%[sdifjoOc%]/g;
const NOT_A_LETTER = /[^\p{L}\p{N}]+/gu;

function isGenericMessage(text: string): boolean {
  const words = text.replace(FORMAT_SPECIFIER, " ").replace(NOT_A_LETTER, " ").trim().toLowerCase();
  return words === "" || GENERIC_MESSAGE.test(words);
}

interface ArgumentContext {
  context: boolean;
  /** The message text when the argument is only a generic message. */
  generic?: string;
}

const NO_CONTEXT: ArgumentContext = { context: false };

export function analyzeEntry(entryArguments: readonly TSESTree.CallExpressionArgument[], references: ErrorReferences | undefined): EntryAnalysis {
  let errorUse: ErrorUse = "none";
  let hasContext = false;
  let genericMessage: string | undefined;
  const structuredObjects: TSESTree.ObjectExpression[] = [];
  for (const argument of entryArguments) {
    if (references) errorUse = strongest(errorUse, references.classify(argument));
    if (argument.type === AST_NODE_TYPES.ObjectExpression) structuredObjects.push(argument);
    const argumentContext = contextOf(argument, references);
    hasContext ||= argumentContext.context;
    genericMessage ??= argumentContext.generic;
  }
  return { errorUse, hasContext, genericMessage: hasContext ? undefined : genericMessage, structuredObjects };
}

/** Whether one argument identifies the operation. Anything that is not the error and not a constant counts. */
export function contextOf(node: TSESTree.Node, references: ErrorReferences | undefined): ArgumentContext {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      if (typeof node.value !== "string") return NO_CONTEXT;
      return isGenericMessage(node.value) ? { context: false, generic: node.value } : { context: true };
    case AST_NODE_TYPES.TemplateLiteral:
      return textContext(node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(" "), node.expressions, references);
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== "+") return references?.classify(node) === "none" ? { context: true } : NO_CONTEXT;
      const operands = flattenConcatenation(node);
      const text = operands.map((operand) => (operand.type === AST_NODE_TYPES.Literal && typeof operand.value === "string" ? operand.value : " ")).join("");
      return textContext(text, operands.filter((operand) => !(operand.type === AST_NODE_TYPES.Literal && typeof operand.value === "string")), references);
    }
    case AST_NODE_TYPES.ObjectExpression:
      return objectContext(node, references);
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression:
      // `new Error("Charge failed", { cause: err })`: the wrapper's message is context.
      if (!references || references.classify(node) === "none") return { context: true };
      return node.arguments.some((argument) => contextOf(argument, references).context) ? { context: true } : NO_CONTEXT;
    case AST_NODE_TYPES.Identifier:
      return node.name === "undefined" || (references && references.useOf(node) !== "none") ? NO_CONTEXT : { context: true };
    default:
      return references && references.classify(node) !== "none" ? NO_CONTEXT : { context: true };
  }
}

/** A message built from constant text and values: context when the text says something or a value is not the error. */
function textContext(text: string, expressions: readonly TSESTree.Node[], references: ErrorReferences | undefined): ArgumentContext {
  const otherValue = expressions.some((expression) => contextOf(expression, references).context);
  if (otherValue || !isGenericMessage(text)) return { context: true };
  return { context: false, generic: text.trim() || undefined };
}

/** `{ err }` alone says nothing; `{ err, orderId }` or `{ ...ctx, err }` does. */
function objectContext(node: TSESTree.ObjectExpression, references: ErrorReferences | undefined): ArgumentContext {
  for (const property of node.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      if (!references || references.classify(property.argument) === "none") return { context: true };
      continue;
    }
    const valueContext = contextOf(property.value, references);
    if (valueContext.context) return { context: true };
  }
  return NO_CONTEXT;
}

function flattenConcatenation(node: TSESTree.Node): TSESTree.Node[] {
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === "+") {
    return [...flattenConcatenation(node.left), ...flattenConcatenation(node.right)];
  }
  return [node];
}

/** The static key names of an object literal (`{ requestId, "trace-id": x }`), or undefined when it has a spread. */
export function objectKeys(node: TSESTree.ObjectExpression): string[] | undefined {
  const keys: string[] = [];
  for (const property of node.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) return undefined;
    if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) keys.push(property.key.name);
    else if (property.key.type === AST_NODE_TYPES.Literal) keys.push(String(property.key.value));
    else return undefined;
  }
  return keys;
}

/**
 * For pino with default serializers: the property that holds the error under a key other than `err`
 * (`logger.error({ error: err }, "...")`), when the error is not also passed the way pino serialises it.
 */
export function misplacedErrorProperty(
  entryArguments: readonly TSESTree.CallExpressionArgument[],
  references: ErrorReferences,
): TSESTree.Property | undefined {
  let misplaced: TSESTree.Property | undefined;
  for (const argument of entryArguments) {
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) {
      if (carriesError(references.classify(argument))) return undefined;
      continue;
    }
    for (const property of argument.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
      const use = references.classify(property.value);
      if (key === "err" && carriesError(use)) return undefined;
      if (key !== undefined && key !== "err" && use === "object" && isBareValue(property.value)) misplaced ??= property;
    }
  }
  return misplaced;
}

/** The error itself rather than something built around it: `err`, `err as Error`, `err!`. */
function isBareValue(node: TSESTree.Node): boolean {
  let current = node;
  while (current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.TSNonNullExpression) current = current.expression;
  return current.type === AST_NODE_TYPES.Identifier;
}
