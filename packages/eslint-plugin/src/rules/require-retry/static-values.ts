import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { propertyKeyName, unwrap } from "../../util/ast.js";

/**
 * What the rule can tell about an options argument (`fetch(url, init)`, `axios.get(url, config)`):
 * - absent: no argument at all;
 * - literal: an object literal, possibly behind a `const`, whose keys are all known;
 * - opaque: anything else (a parameter, a call result, a spread of one). An opaque object may hold
 *   a signal, a timeout or a retry setting, so the rule stays silent about it.
 */
export type OptionsShape =
  | { kind: "absent" }
  | { kind: "opaque" }
  | { kind: "literal"; object: TSESTree.ObjectExpression; keys: ReadonlyMap<string, TSESTree.Node> };

const MAX_RESOLVE_DEPTH = 4;

/** The initializer of a variable that is assigned once, or undefined when it is rebound or is not a plain variable. */
export function constantInitializer(identifier: TSESTree.Identifier, scope: TSESLint.Scope.Scope): TSESTree.Expression | undefined {
  const variable = ASTUtils.findVariable(scope, identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0];
  if (definition?.type !== "Variable" || definition.node.id.type !== AST_NODE_TYPES.Identifier || !definition.node.init) return undefined;
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (writes.length > 1) return undefined;
  return definition.node.init;
}

/** Keys added later through `options.key = value`; undefined when the object escapes in a way the rule cannot follow. */
function keysAddedByAssignment(identifier: TSESTree.Identifier, scope: TSESLint.Scope.Scope, useSite: TSESTree.Node): string[] | undefined {
  const variable = ASTUtils.findVariable(scope, identifier);
  if (!variable) return undefined;
  const added: string[] = [];
  for (const reference of variable.references) {
    const id = reference.identifier;
    if (reference.isWrite() || id === useSite) continue;
    const parent = id.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === id) {
      const grandParent = parent.parent;
      if (grandParent?.type === AST_NODE_TYPES.AssignmentExpression && grandParent.left === parent) {
        if (parent.computed) return undefined;
        if (parent.property.type === AST_NODE_TYPES.Identifier) added.push(parent.property.name);
      }
      continue;
    }
    // Passed to a function (`Object.assign(init, …)`, `addAuth(init)`) or spread elsewhere: it may gain any key.
    if (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) {
      if ((parent.arguments as TSESTree.Node[]).includes(id)) return undefined;
    }
  }
  return added;
}

/** Reads an options argument; see {@link OptionsShape}. */
export function readOptions(node: TSESTree.Node | undefined, scope: TSESLint.Scope.Scope, depth = 0): OptionsShape {
  if (!node) return { kind: "absent" };
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Identifier && expression.name === "undefined") return { kind: "absent" };
  if (expression.type === AST_NODE_TYPES.Literal && expression.value === null) return { kind: "absent" };
  if (depth > MAX_RESOLVE_DEPTH) return { kind: "opaque" };

  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = constantInitializer(expression, scope);
    if (!init) return { kind: "opaque" };
    const resolved = readOptions(init, scope, depth + 1);
    if (resolved.kind !== "literal") return resolved.kind === "absent" ? { kind: "opaque" } : resolved;
    const added = keysAddedByAssignment(expression, scope, expression);
    if (!added) return { kind: "opaque" };
    if (added.length === 0) return resolved;
    const keys = new Map(resolved.keys);
    for (const key of added) keys.set(key, expression);
    return { kind: "literal", object: resolved.object, keys };
  }

  if (expression.type !== AST_NODE_TYPES.ObjectExpression) return { kind: "opaque" };
  const keys = new Map<string, TSESTree.Node>();
  for (const property of expression.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread = readOptions(property.argument, scope, depth + 1);
      if (spread.kind === "opaque") return spread;
      if (spread.kind === "literal") for (const [key, value] of spread.keys) keys.set(key, value);
      continue;
    }
    const key = propertyKeyName(property);
    if (key === undefined) return { kind: "opaque" };
    keys.set(key, property.value);
  }
  return { kind: "literal", object: expression, keys };
}

/** The static value of a node when ESLint can compute it (`0`, `false`, a `const` number). */
export function staticValueOf(node: TSESTree.Node, scope: TSESLint.Scope.Scope): { value: unknown } | undefined {
  const result = ASTUtils.getStaticValue(node, scope);
  return result ?? undefined;
}

/** The text of a URL as far as it is static: `${…}` marks the parts that are not. */
export interface UrlText {
  text: string;
  /** True when the whole URL is known. */
  complete: boolean;
  /** True when the URL starts with the page's or module's own origin (`location.origin`, `import.meta.url`). */
  sameOrigin?: boolean;
}

/** Expressions that stand for the current page or module: URLs built on them stay on the same origin. */
const SAME_ORIGIN_BASES = new Set([
  "import.meta.url",
  "location",
  "location.origin",
  "location.href",
  "window.location",
  "window.location.origin",
  "window.location.href",
  "self.location.origin",
  "globalThis.location.origin",
  "document.baseURI",
  "document.location.origin",
]);

function memberRoot(node: TSESTree.Node): TSESTree.Node {
  return node.type === AST_NODE_TYPES.MemberExpression ? memberRoot(node.object) : node;
}

function isGlobalName(identifier: TSESTree.Identifier, scope: TSESLint.Scope.Scope): boolean {
  const variable = ASTUtils.findVariable(scope, identifier);
  return !variable || variable.defs.length === 0;
}

/** `window.location.origin` → "window.location.origin"; undefined for anything but plain dotted names. */
function dottedName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MetaProperty) return `${node.meta.name}.${node.property.name}`;
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
    const object = dottedName(node.object);
    return object === undefined ? undefined : `${object}.${node.property.name}`;
  }
  return undefined;
}

const UNKNOWN = "${…}";

/** Reads the static parts of a URL expression: literals, templates, `+` concatenation, `new URL(path, base)` and constants. */
export function urlText(node: TSESTree.Node, scope: TSESLint.Scope.Scope, depth = 0): UrlText {
  const expression = unwrap(node);
  if (depth > MAX_RESOLVE_DEPTH) return { text: UNKNOWN, complete: false };
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      return typeof expression.value === "string" ? { text: expression.value, complete: true } : { text: UNKNOWN, complete: false };
    case AST_NODE_TYPES.TemplateLiteral: {
      let text = "";
      let complete = true;
      let sameOrigin = false;
      expression.quasis.forEach((quasi, index) => {
        text += quasi.value.cooked ?? quasi.value.raw;
        const embedded = expression.expressions[index];
        if (embedded) {
          const part = urlText(embedded, scope, depth + 1);
          if (index === 0 && text === "" && part.sameOrigin) sameOrigin = true;
          text += part.text;
          complete &&= part.complete;
        }
      });
      return { text, complete, sameOrigin };
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (expression.operator !== "+") return { text: UNKNOWN, complete: false };
      const left = urlText(expression.left, scope, depth + 1);
      const right = urlText(expression.right, scope, depth + 1);
      return { text: left.text + right.text, complete: left.complete && right.complete, sameOrigin: left.sameOrigin };
    }
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.MetaProperty: {
      const name = dottedName(expression);
      const root = memberRoot(expression);
      const rootIsGlobal = root.type === AST_NODE_TYPES.MetaProperty || (root.type === AST_NODE_TYPES.Identifier && isGlobalName(root, scope));
      return name !== undefined && SAME_ORIGIN_BASES.has(name) && rootIsGlobal
        ? { text: "", complete: false, sameOrigin: true }
        : { text: UNKNOWN, complete: false };
    }
    case AST_NODE_TYPES.Identifier: {
      if (expression.name === "location" && isGlobalName(expression, scope)) return { text: "", complete: false, sameOrigin: true };
      const init = constantInitializer(expression, scope);
      return init ? urlText(init, scope, depth + 1) : { text: UNKNOWN, complete: false };
    }
    case AST_NODE_TYPES.NewExpression: {
      // new URL(path, base): the base decides where the request goes.
      if (expression.callee.type === AST_NODE_TYPES.Identifier && expression.callee.name === "URL") {
        const [path, base] = expression.arguments;
        if (base && base.type !== AST_NODE_TYPES.SpreadElement) {
          const baseText = urlText(base, scope, depth + 1);
          const pathText = path && path.type !== AST_NODE_TYPES.SpreadElement ? urlText(path, scope, depth + 1) : undefined;
          if (pathText && /^[a-z][a-z\d+.-]*:\/\//i.test(pathText.text)) return pathText;
          return {
            text: baseText.text + (pathText?.text ?? ""),
            complete: baseText.complete && (pathText?.complete ?? true),
            sameOrigin: baseText.sameOrigin,
          };
        }
        if (path && path.type !== AST_NODE_TYPES.SpreadElement) return urlText(path, scope, depth + 1);
      }
      return { text: UNKNOWN, complete: false };
    }
    case AST_NODE_TYPES.CallExpression:
      // URL.createObjectURL(blob) gives a blob: URL, read from memory.
      return expression.callee.type === AST_NODE_TYPES.MemberExpression &&
        expression.callee.object.type === AST_NODE_TYPES.Identifier &&
        expression.callee.object.name === "URL" &&
        expression.callee.property.type === AST_NODE_TYPES.Identifier &&
        expression.callee.property.name === "createObjectURL"
        ? { text: "blob:", complete: false }
        : { text: UNKNOWN, complete: false };
    default:
      return { text: UNKNOWN, complete: false };
  }
}

export type UrlTarget = "relative" | "inline" | "local" | "remote";

const SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;
/** URLs that never touch the network: `data:`, `blob:`, `file:`. */
const INLINE_SCHEME = /^(data|blob|file|about):/i;
const LOCAL_HOST = /^(localhost|[\w-]+\.localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|::1)$/i;

/** Where a URL points: relative (same origin), inline data, the local machine, or anywhere else (also when unknown). */
export function urlTarget(url: UrlText): UrlTarget {
  const { text, complete } = url;
  if (url.sameOrigin) return "relative";
  if (INLINE_SCHEME.test(text)) return "inline";
  if (text.startsWith("//")) return hostTarget(text.slice(2));
  if (text.startsWith("/") || text.startsWith("./") || text.startsWith("../") || text.startsWith("?")) return "relative";
  if (SCHEME.test(text)) return hostTarget(text.replace(SCHEME, ""));
  // A fully static string without a scheme ("api/users") resolves against the page.
  if (complete && text.length > 0 && !text.startsWith(UNKNOWN)) return "relative";
  return "remote";
}

function hostTarget(rest: string): UrlTarget {
  const authority = rest.split(/[/?#]/, 1)[0] ?? "";
  const hostAndPort = authority.includes("@") ? authority.slice(authority.lastIndexOf("@") + 1) : authority;
  const host = hostAndPort.startsWith("[") ? hostAndPort.slice(0, hostAndPort.indexOf("]") + 1) : (hostAndPort.split(":", 1)[0] ?? "");
  return LOCAL_HOST.test(host) ? "local" : "remote";
}
