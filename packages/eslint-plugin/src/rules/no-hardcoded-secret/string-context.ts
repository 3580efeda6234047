import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { propertyKeyName } from "../../util/ast.js";
import { memberName } from "../../util/ast.js";
import { type FileImports, librarySink, optionSink, optionsCall, type Sink } from "./library-arguments.js";

/** Where a string literal ends up, as far as telling a secret from a label goes. */
export interface StringContext {
  /** The name it is given: variable, property, parameter, class field, header or JSX attribute. */
  name?: string;
  /** Set when it is a library argument that is always a credential (`jwt.sign(payload, "...")`). */
  sink?: Sink;
  /** The call or `new` expression of that library argument. */
  sinkCall?: TSESTree.CallExpression | TSESTree.NewExpression;
  /**
   * Set when it is passed positionally to a call that neither a known library nor a header name
   * explains: the parameter's declared name, which only type information knows, may say more.
   */
  argument?: CallArgument;
  /** Set when it is the fallback of an environment variable. */
  envFallback?: EnvFallback;
  /** `<Widget apiKey="..." />`: a replacement expression needs braces. */
  inJsxAttribute: boolean;
  /**
   * No `process.env` rewrite makes sense: enum initialisers need a literal, and
   * `process.env.X = "..."` would become `process.env.X = process.env.X`.
   */
  noRewrite: boolean;
  /** `pass` next to `user` in one object (`auth: { user, pass }`): a password whatever the name says. */
  passwordBySibling: boolean;
  /**
   * What the object holding the property is for, when that says more than a bare `secret` or
   * `password`: `session({ secret })` → "session", `{ redis: { password } }` → "redis".
   */
  ownerName?: string;
  /** `const secret = "..."`: the declarator, so the rule can follow the constant to where it is used. */
  constDeclarator?: TSESTree.VariableDeclarator;
}

/** A call and the index of the argument the string is (or flows into unchanged). */
export interface CallArgument {
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  index: number;
}

/**
 * `process.env.X || "..."`, `process.env.X ?? "..."`, or `const { X = "..." } = process.env`.
 * Removing the fallback means replacing `withFallback` by `withoutFallback`.
 */
export interface EnvFallback {
  envName: string;
  withFallback: TSESTree.Node;
  withoutFallback: TSESTree.Node;
  /** The fallback expression itself (the string, possibly under `as`). */
  fallback: TSESTree.Node;
}

const EQUALITY_OPERATORS = new Set(["===", "==", "!==", "!="]);

// How far up to look through wrappers (`as`, `!`, `? :`, `||`, arrays, Buffer.from) for a name.
const MAX_DEPTH = 8;

/** Describes where the string `node` is used, climbing through wrappers that keep its value. */
export function describeStringContext(node: TSESTree.Node, imports: FileImports): StringContext {
  // Every field set up front: one object shape for all strings keeps the readers' property loads monomorphic.
  const context: StringContext = {
    name: undefined,
    sink: undefined,
    sinkCall: undefined,
    argument: undefined,
    envFallback: undefined,
    inJsxAttribute: false,
    noRewrite: false,
    passwordBySibling: false,
    ownerName: undefined,
    constDeclarator: undefined,
  };
  let child: TSESTree.Node = node;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const parent = child.parent;
    if (!parent) return context;
    switch (parent.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.JSXExpressionContainer:
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === child) return context;
        break;
      case AST_NODE_TYPES.LogicalExpression: {
        const envName = parent.right === child && parent.operator !== "&&" ? envVariableName(parent.left) : undefined;
        if (envName && !context.envFallback) {
          context.envFallback = { envName, withFallback: parent, withoutFallback: parent.left, fallback: parent.right };
        }
        break;
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        if (keepsArgumentValue(parent, child)) break;
        const argumentIndex = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
        if (argumentIndex === -1) return context;
        context.sink = librarySink(parent, argumentIndex, imports);
        if (context.sink) context.sinkCall = parent;
        else context.name = headerName(parent, argumentIndex);
        if (!context.sink && context.name === undefined) context.argument = { call: parent, index: argumentIndex };
        return context;
      }
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init === child) {
          context.name = nameOf(parent.id);
          if (parent.id.type === AST_NODE_TYPES.Identifier && parent.parent.kind === "const") context.constDeclarator = parent;
        }
        return context;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right === child) {
          context.name = nameOf(parent.left);
          context.noRewrite = envVariableName(parent.left) !== undefined;
        }
        return context;
      case AST_NODE_TYPES.AssignmentPattern:
        if (parent.right === child) {
          const property = parent.parent;
          const isProperty = property.type === AST_NODE_TYPES.Property && property.value === parent;
          context.name = isProperty ? propertyKeyName(property) : nameOf(parent.left);
          // `const { JWT_SECRET = "..." } = process.env`
          if (isProperty && context.name !== undefined && destructuresEnv(property)) {
            context.envFallback = { envName: context.name, withFallback: parent, withoutFallback: parent.left, fallback: parent.right };
          }
        }
        return context;
      case AST_NODE_TYPES.Property:
        if (parent.value === child && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
          context.name = propertyKeyName(parent);
          context.passwordBySibling = context.name === "pass" && hasUserSibling(parent.parent);
          context.ownerName = objectOwnerName(parent.parent);
          const passed = context.name === undefined ? undefined : optionsCall(parent.parent);
          if (passed && context.name !== undefined) {
            const index = passed.call.arguments.indexOf(passed.argument as TSESTree.CallExpressionArgument);
            context.sink = index === -1 ? undefined : optionSink(passed.call, index, context.name, imports);
            if (context.sink) context.sinkCall = passed.call;
          }
        }
        return context;
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        if (parent.value === child) context.name = classMemberName(parent);
        return context;
      case AST_NODE_TYPES.BinaryExpression:
        if (EQUALITY_OPERATORS.has(parent.operator)) {
          context.name = nameOf(parent.left === child ? parent.right : parent.left);
        }
        return context;
      case AST_NODE_TYPES.JSXAttribute:
        // Braces are needed only for `apiKey="..."`, not inside `apiKey={"..."}`.
        context.inJsxAttribute = parent.value === node;
        context.name = parent.name.type === AST_NODE_TYPES.JSXIdentifier ? parent.name.name : parent.name.name.name;
        return context;
      case AST_NODE_TYPES.TSEnumMember:
        context.noRewrite = true;
        context.name = parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
        return context;
      default:
        return context;
    }
    child = parent;
  }
  return context;
}

/**
 * False for a string passed straight to a call at an argument position `librarySink` knows nothing of: there
 * `describeStringContext` stops, without a sink. True otherwise (not a direct argument, passed through
 * unchanged as in `Buffer.from(x)`, or at a key position), when only the whole description can tell.
 */
export function mayBeKeyArgument(node: TSESTree.Node, imports: FileImports): boolean {
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) return true;
  if (keepsArgumentValue(call, node)) return true;
  const argumentIndex = call.arguments.indexOf(node as TSESTree.CallExpressionArgument);
  return argumentIndex !== -1 && librarySink(call, argumentIndex, imports) !== undefined;
}

/** `process.env.X`, `process.env["X"]`, `import.meta.env.X`, `Bun.env.X`, `Deno.env.get("X")` → "X". */
function envVariableName(expression: TSESTree.Node): string | undefined {
  const node = expression.type === AST_NODE_TYPES.ChainExpression ? expression.expression : expression;
  if (node.type === AST_NODE_TYPES.MemberExpression && isEnvObject(node.object)) return memberName(node);
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(node.callee) === "get" &&
    isEnvObject(node.callee.object) &&
    node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof node.arguments[0].value === "string"
  ) {
    return node.arguments[0].value;
  }
  return undefined;
}

function destructuresEnv(property: TSESTree.Property): boolean {
  const pattern = property.parent;
  const declarator = pattern.parent;
  return (
    pattern.type === AST_NODE_TYPES.ObjectPattern &&
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.id === pattern &&
    declarator.init !== null &&
    isEnvObject(declarator.init)
  );
}

function isEnvObject(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression || memberName(node) !== "env") return false;
  const owner = node.object;
  return (
    (owner.type === AST_NODE_TYPES.Identifier && ["process", "Bun", "Deno"].includes(owner.name)) ||
    owner.type === AST_NODE_TYPES.MetaProperty
  );
}


function nameOf(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    return node.property.type === AST_NODE_TYPES.PrivateIdentifier ? node.property.name : memberName(node);
  }
  if (node.type === AST_NODE_TYPES.ChainExpression) return nameOf(node.expression);
  if (node.type === AST_NODE_TYPES.TSNonNullExpression) return nameOf(node.expression);
  return undefined;
}

function classMemberName(member: TSESTree.PropertyDefinition | TSESTree.AccessorProperty): string | undefined {
  if (member.key.type === AST_NODE_TYPES.PrivateIdentifier) return member.key.name;
  if (!member.computed && member.key.type === AST_NODE_TYPES.Identifier) return member.key.name;
  if (member.key.type === AST_NODE_TYPES.Literal && typeof member.key.value === "string") return member.key.value;
  return undefined;
}

// `auth: { user, pass }` (nodemailer, ftp clients): `pass` is a password only next to a user.
const USER_KEYS = new Set(["user", "username", "login", "email"]);

function hasUserSibling(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((other) => {
    if (other.type !== AST_NODE_TYPES.Property) return false;
    const key = propertyKeyName(other);
    return key !== undefined && USER_KEYS.has(key);
  });
}

// Containers that say nothing about what a credential is for.
const GENERIC_OWNERS = new Set([
  "config", "configuration", "options", "opts", "settings", "params", "data", "body", "payload", "props", "values",
  "env", "defaults", "credentials", "auth", "headers", "connection", "module", "exports", "default",
]);

/** `session({...})` → "session"; `redis: {...}` → "redis"; undefined for generic containers. */
function objectOwnerName(object: TSESTree.ObjectExpression): string | undefined {
  const holder = object.parent;
  let owner: string | undefined;
  if (holder.type === AST_NODE_TYPES.Property && holder.value === object) owner = propertyKeyName(holder);
  else if (holder.type === AST_NODE_TYPES.CallExpression && holder.callee.type === AST_NODE_TYPES.Identifier) owner = holder.callee.name;
  return owner !== undefined && !GENERIC_OWNERS.has(owner.toLowerCase()) ? owner : undefined;
}

/** `Buffer.from(x, "base64")`, `new TextEncoder().encode(x)`, `String(x)`: the secret passes through unchanged. */
function keepsArgumentValue(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: TSESTree.Node): boolean {
  if (call.arguments[0] !== argument || call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === "String";
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  if (method === "from") return callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "Buffer";
  return (
    method === "encode" &&
    callee.object.type === AST_NODE_TYPES.NewExpression &&
    callee.object.callee.type === AST_NODE_TYPES.Identifier &&
    callee.object.callee.name === "TextEncoder"
  );
}

const HEADER_SETTERS = new Set(["set", "setHeader", "setRequestHeader", "header", "append"]);

/** `headers.set("Authorization", value)`, `res.setHeader("x-api-key", value)` → the header name. */
function headerName(call: TSESTree.CallExpression | TSESTree.NewExpression, argumentIndex: number): string | undefined {
  if (argumentIndex !== 1 || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(call.callee);
  const header = call.arguments[0];
  if (!method || !HEADER_SETTERS.has(method)) return undefined;
  return header?.type === AST_NODE_TYPES.Literal && typeof header.value === "string" ? header.value : undefined;
}
