import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, memberName, propertyKeyName, unwrap } from "../../util/ast.js";
import { findVariable, isNestRequestParameter, isRequestObject, valueOrigin } from "../../util/value-origin.js";

/** Parts of a request that hold a whole object the client chose. */
const WHOLE_MEMBERS = new Set(["body", "query", "params"]);
/** Methods that return the whole parsed body: `await request.json()`, `await c.req.parseBody()`. */
const WHOLE_READERS = new Set(["json", "parseBody", "formData"]);
/** Conversions that leave nothing a client can choose but a number, a boolean or a file name. */
const SANITIZING_FUNCTIONS = new Set(["Number", "parseInt", "parseFloat", "Boolean", "BigInt", "isNaN", "isFinite"]);
const SANITIZING_METHODS = new Set(["basename", "isInteger", "isSafeInteger", "toFixed"]);
/** Nest parameter types that carry no validation (no DTO class for a ValidationPipe to check). */
const UNCHECKED_TYPE_NAMES = new Set(["Record", "Object", "object", "Partial", "Array"]);
/** Calls whose result carries their arguments' text: path building, string conversions. */
const PASS_THROUGH_CALLS = new Set(["join", "resolve", "normalize", "String", "concat", "toString", "trim", "toLowerCase", "toUpperCase", "format"]);
const MAX_DEPTH = 6;

/** Reads what the client sent in one file; with type information, values typed as numbers or booleans are not counted. */
export class RequestData {
  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly isNonStringPrimitive: (node: TSESTree.Node) => boolean,
  ) {}

  /**
   * The whole body, query or params, as an object: `req.body`, `ctx.request.body`, `await request.json()`,
   * a variable holding one, `{ ...req.body }`, `{ data: req.body }`, `Object.assign({}, req.body)`,
   * or a Nest `@Body()` parameter without a DTO class. Returns the expression that reads the request.
   */
  wholeObject(node: TSESTree.Node, depth = 0): TSESTree.Node | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const current = unwrap(node);
    const next = (child: TSESTree.Node) => this.wholeObject(child, depth + 1);
    switch (current.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return next(current.argument);
      case AST_NODE_TYPES.MemberExpression: {
        const name = memberName(current);
        return name !== undefined && WHOLE_MEMBERS.has(name) && isRequestObject(current.object) ? current : undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(current.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        const method = memberName(callee);
        if (method !== undefined && WHOLE_READERS.has(method) && isRequestObject(callee.object)) return current;
        if (method === "assign" && isIdentifier(callee.object, "Object")) return firstDefined(current.arguments.slice(1), next);
        if (method === "fromEntries" && isIdentifier(callee.object, "Object")) return firstDefined(current.arguments, next);
        return undefined;
      }
      case AST_NODE_TYPES.ObjectExpression:
        for (const property of current.properties) {
          const found = property.type === AST_NODE_TYPES.SpreadElement ? next(property.argument) : dataProperty(property) ? next(property.value) : undefined;
          if (found) return found;
        }
        return undefined;
      case AST_NODE_TYPES.Identifier:
        return this.wholeIdentifier(current, next);
      default:
        return undefined;
    }
  }

  /**
   * The first read of the request inside `node` that a client controls and that no conversion
   * (`Number(...)`, `parseInt`, `path.basename`) narrowed: `req.query.file`, `` `${req.params.name}.txt` ``,
   * `path.join(dir, req.body.name)`. Functions inside `node` are not entered.
   */
  firstRead(node: TSESTree.Node, depth = 0): TSESTree.Node | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const current = unwrap(node);
    const next = (child: TSESTree.Node) => this.firstRead(child, depth + 1);
    if (isFunction(current) || current.type === AST_NODE_TYPES.Literal) return undefined;
    if (this.isNonStringPrimitive(current)) return undefined;
    switch (current.type) {
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.Identifier:
        return this.isRequestValue(current) ? current : undefined;
      case AST_NODE_TYPES.CallExpression: {
        if (isSanitizing(current)) return undefined;
        if (this.isRequestValue(current)) return current;
        // path.join(dir, name), `${a}`.concat(b), String(x): the arguments flow into the result. Any other
        // call (a validator, a lookup) may check or replace its argument, so the search stops there.
        const callee = unwrap(current.callee);
        const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
        if (name === undefined || !PASS_THROUGH_CALLS.has(name)) return undefined;
        const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? [callee.object] : [];
        return firstDefined([...receiver, ...current.arguments], next);
      }
      case AST_NODE_TYPES.AwaitExpression:
        return next(current.argument);
      case AST_NODE_TYPES.TemplateLiteral:
        return firstDefined(current.expressions, next);
      case AST_NODE_TYPES.BinaryExpression:
        return current.operator === "+" ? firstDefined([current.left, current.right], next) : undefined;
      case AST_NODE_TYPES.LogicalExpression:
        return firstDefined([current.left, current.right], next);
      case AST_NODE_TYPES.ConditionalExpression:
        return firstDefined([current.consequent, current.alternate], next);
      case AST_NODE_TYPES.ArrayExpression:
        return firstDefined(current.elements.filter((element): element is TSESTree.Expression | TSESTree.SpreadElement => element !== null), next);
      case AST_NODE_TYPES.SpreadElement:
        return next(current.argument);
      case AST_NODE_TYPES.ObjectExpression:
        return firstDefined(current.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? property.value : property)), next);
      default:
        return undefined;
    }
  }

  /**
   * Like `firstRead`, but only when the request decides how the value starts, as with a URL whose
   * host the client picks: `req.query.url`, `` `${req.body.target}/hook` ``, `new URL(req.query.to)`.
   * `` `https://api.example.com/users/${id}` `` is not: its host is fixed.
   */
  leadingRead(node: TSESTree.Node, depth = 0): TSESTree.Node | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const current = unwrap(node);
    const next = (child: TSESTree.Node) => this.leadingRead(child, depth + 1);
    switch (current.type) {
      case AST_NODE_TYPES.TemplateLiteral:
        return current.quasis[0]?.value.cooked === "" && current.expressions[0] ? next(current.expressions[0]) : undefined;
      case AST_NODE_TYPES.BinaryExpression:
        return current.operator === "+" ? next(current.left) : undefined;
      case AST_NODE_TYPES.NewExpression:
        return isIdentifier(current.callee, "URL") && current.arguments.length === 1 && current.arguments[0] ? next(current.arguments[0]) : undefined;
      case AST_NODE_TYPES.Identifier: {
        if (this.isRequestValue(current)) return this.isNonStringPrimitive(current) ? undefined : current;
        const init = constInitializer(this.sourceCode, current);
        return init ? next(init) : undefined;
      }
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.AwaitExpression:
        return this.isRequestValue(current) && !this.isNonStringPrimitive(current) ? current : undefined;
      default:
        return undefined;
    }
  }

  private isRequestValue(node: TSESTree.Node): boolean {
    return valueOrigin(this.sourceCode, node) === "request";
  }

  private wholeIdentifier(identifier: TSESTree.Identifier, next: (node: TSESTree.Node) => TSESTree.Node | undefined): TSESTree.Node | undefined {
    const variable = findVariable(this.sourceCode, identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type === "Parameter") {
      return isNestRequestParameter(definition.name) && isWholeNestParameter(definition.name) && !hasDtoType(definition.name) ? identifier : undefined;
    }
    if (definition?.type !== "Variable" || definition.node.id.type !== AST_NODE_TYPES.Identifier || !definition.node.init) return undefined;
    // Reassigned later (`body = schema.parse(body)`): it may hold the validated value.
    if (variable!.references.some((reference) => reference.isWrite() && reference.identifier !== definition.node.id)) return undefined;
    return next(definition.node.init) ? identifier : undefined;
  }
}

/** `data`, `values`, `where`, `update`, `$set`: ORM option keys whose value is written or matched as a whole. */
function dataProperty(property: TSESTree.Property): boolean {
  const key = propertyKeyName(property);
  return key === "data" || key === "values" || key === "where" || key === "update" || key === "create" || key === "$set" || key === "set";
}

/** `@Body()` or `@Query()` without a key: the whole body or query string. */
function isWholeNestParameter(name: TSESTree.Node): boolean {
  const decorated = name.parent?.type === AST_NODE_TYPES.TSParameterProperty ? name.parent : name;
  const decorators = ("decorators" in decorated ? (decorated.decorators as TSESTree.Decorator[] | undefined) : undefined) ?? [];
  return decorators.some((decorator) => {
    const expression = unwrap(decorator.expression);
    if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
    const name = expression.callee.type === AST_NODE_TYPES.Identifier ? expression.callee.name : undefined;
    return (name === "Body" || name === "Query") && !expression.arguments.some((argument) => argument.type === AST_NODE_TYPES.Literal);
  });
}

/** `@Body() dto: CreateUserDto`: a class a ValidationPipe checks. `any`, `Record<...>`, `{...}` and no type are not. */
export function hasDtoType(name: TSESTree.Node): boolean {
  const annotation = name.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const typeName = annotation.typeName.type === AST_NODE_TYPES.Identifier ? annotation.typeName.name : undefined;
  return typeName !== undefined && !UNCHECKED_TYPE_NAMES.has(typeName);
}

function isSanitizing(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return SANITIZING_FUNCTIONS.has(callee.name);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(callee);
    return method !== undefined && (SANITIZING_METHODS.has(method) || (SANITIZING_FUNCTIONS.has(method) && isIdentifier(callee.object, "Number")));
  }
  return false;
}

function constInitializer(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = findVariable(sourceCode, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== "Variable" || definition.parent.kind !== "const" || definition.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return definition.node.init ?? undefined;
}

function firstDefined<T extends TSESTree.Node>(nodes: readonly T[], visit: (node: T) => TSESTree.Node | undefined): TSESTree.Node | undefined {
  for (const node of nodes) {
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

function isIdentifier(node: TSESTree.Node, name: string): boolean {
  const current = unwrap(node);
  return current.type === AST_NODE_TYPES.Identifier && current.name === name;
}
