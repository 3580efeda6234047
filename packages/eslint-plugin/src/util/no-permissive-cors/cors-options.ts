import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { type AnalysisContext, findProperty, resolveObjectLiteral, shortText, staticValue, unwrapExpression } from "./ast.js";
import type { AddOptionsTarget, CorsSite } from "./cors-sites.js";
import { evaluateOriginOption, type OriginKind } from "./origin-value.js";

/** Where the allow-list suggestion edits the code. */
export type AllowListTarget =
  | AddOptionsTarget
  /** `origin: "*"` → `origin: <allow-list>`. */
  | { kind: "replaceOrigin"; node: TSESTree.Node }
  /** `{ credentials: true }` → `{ origin: <allow-list>, credentials: true }`. */
  | { kind: "addOrigin"; object: TSESTree.ObjectExpression };

/** A CORS library configured to let every site in. */
export interface CorsFinding {
  kind: OriginKind;
  /** What was found, ready for the message. */
  found: string;
  credentials: boolean;
  /** No `origin` was configured: the library's default applies. */
  usesDefault: boolean;
  node: TSESTree.Node;
  /** Local names holding the request origin, for the allow-list guard check. */
  originNames: ReadonlySet<string>;
  allowListTarget?: AllowListTarget;
}

const CREDENTIAL_SWAP = ", which it replaces with the request's Origin when credentials are on";

/**
 * Reads the options of one CORS configuration site and decides whether they let every origin in.
 * Options it cannot see (imported config, a per-request delegate function, a spread that may set
 * `origin`) are trusted: the rule stays silent rather than guess.
 */
export function analyzeCorsSite(context: AnalysisContext, site: CorsSite): CorsFinding | undefined {
  const { library } = site;
  if (!site.options) {
    return {
      kind: library.defaultOrigin,
      found: library.defaultBehavior,
      credentials: false,
      usesDefault: true,
      node: site.node,
      originNames: new Set(),
      allowListTarget: library.acceptsOriginArray ? site.addOptions : undefined,
    };
  }

  const options = resolveObjectLiteral(context, site.options);
  if (!options) return undefined;
  const credentials = allowsCredentials(context, options);
  const originProperty = findProperty(options, "origin");
  const lastSpread = options.properties.findLastIndex((property) => property.type === AST_NODE_TYPES.SpreadElement);

  if (!originProperty) {
    if (lastSpread !== -1) return undefined;
    const swapped = credentials && library.reflectsWildcardWithCredentials;
    return {
      kind: swapped ? "reflected" : library.defaultOrigin,
      found: swapped ? `no \`origin\` option${CREDENTIAL_SWAP}` : `${library.defaultBehavior}, the default`,
      credentials,
      usesDefault: true,
      node: site.node,
      originNames: new Set(),
      allowListTarget: library.acceptsOriginArray ? { kind: "addOrigin", object: options } : undefined,
    };
  }
  // A spread after `origin` may override it.
  if (lastSpread > options.properties.indexOf(originProperty)) return undefined;

  const written = `\`${shortText(context, originProperty)}\``;
  const permissive = evaluateOriginOption(context, originProperty.value, library, written);
  if (!permissive) return undefined;
  const swapped = permissive.kind === "wildcard" && credentials && library.reflectsWildcardWithCredentials;
  return {
    kind: swapped ? "reflected" : permissive.kind,
    found: swapped ? `${permissive.found}${CREDENTIAL_SWAP}` : permissive.found,
    credentials,
    usesDefault: false,
    node: originProperty,
    originNames: permissive.originNames,
    allowListTarget: library.acceptsOriginArray && isPlainPermissiveLiteral(originProperty.value) ? { kind: "replaceOrigin", node: originProperty.value } : undefined,
  };
}

function allowsCredentials(context: AnalysisContext, options: TSESTree.ObjectExpression): boolean {
  const property = findProperty(options, "credentials");
  return property !== undefined && staticValue(context, property.value)?.value === true;
}

/** `"*"` and `true` written as such: the only origin values the suggestion replaces. */
function isPlainPermissiveLiteral(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.Literal && (value.value === true || value.value === "*");
}
