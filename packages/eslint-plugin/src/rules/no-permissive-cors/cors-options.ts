import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { unwrap } from "../../util/ast.js";
import { type AnalysisContext, findProperty, resolveObjectLiteral, shortText, staticValue } from "./ast.js";
import type { AddOptionsTarget, CorsSite } from "./cors-sites.js";
import { describePinned, evaluateOriginOption, type OriginKind, type PermissiveOrigin, permissiveLiteral } from "./origin-value.js";

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
 * `origin`) are trusted: the rule stays silent rather than guess, unless their type pins `origin`.
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
  if (!options) return typedOptionsFinding(context, site, site.options, undefined);
  const originProperty = findProperty(options, "origin");
  const lastSpread = options.properties.findLastIndex((property) => property.type === AST_NODE_TYPES.SpreadElement);

  if (!originProperty) {
    if (lastSpread !== -1) return typedOptionsFinding(context, site, options, options);
    const credentials = allowsCredentials(context, options);
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
  if (lastSpread > options.properties.indexOf(originProperty)) return typedOptionsFinding(context, site, options, options);

  const written = `\`${shortText(context, originProperty)}\``;
  const permissive = evaluateOriginOption(context, originProperty.value, library, written);
  if (!permissive) return undefined;
  return {
    ...finding(permissive, allowsCredentials(context, options), site, originProperty),
    allowListTarget: library.acceptsOriginArray && isPlainPermissiveLiteral(originProperty.value) ? { kind: "replaceOrigin", node: originProperty.value } : undefined,
  };
}

function allowsCredentials(context: AnalysisContext, options: TSESTree.ObjectExpression): boolean {
  const property = findProperty(options, "credentials");
  if (!property) return false;
  const constant = staticValue(context, property.value);
  if (constant) return constant.value === true;
  // `credentials: settings.credentials` from an `as const` config typed `true`.
  return context.types?.pinnedLiteral(unwrap(property.value))?.value === true;
}

/**
 * With type information, options the rule cannot read (`cors(corsOptions)` with imported options,
 * or spreads that may set `origin`) are judged by their type: an `origin` typed `"*"` or `true`
 * (`export const corsOptions = { origin: "*", credentials: true } as const`) is as permissive as
 * written in place. An `origin` the type leaves open (optional, `string`, a union) stays trusted,
 * and so does a type with no `origin`: the value may still carry one.
 */
function typedOptionsFinding(
  context: AnalysisContext,
  site: CorsSite,
  options: TSESTree.Node,
  literal: TSESTree.ObjectExpression | undefined,
): CorsFinding | undefined {
  const types = context.types;
  const pinned = types?.pinnedPropertyLiteral(options, "origin");
  if (!types || !pinned) return undefined;
  const described = `\`${shortText(context, unwrap(options))}\`, whose \`origin\` is typed ${describePinned(pinned)}`;
  const permissive = permissiveLiteral(pinned, site.library, described);
  if (!permissive) return undefined;
  // An object literal's own `credentials: true` is widened to `boolean` in its type: read it as written.
  const credentials = (literal !== undefined && allowsCredentials(context, literal)) || types.pinnedPropertyLiteral(options, "credentials")?.value === true;
  return finding(permissive, credentials, site, options);
}

function finding(permissive: PermissiveOrigin, credentials: boolean, site: CorsSite, node: TSESTree.Node): CorsFinding {
  const swapped = permissive.kind === "wildcard" && credentials && site.library.reflectsWildcardWithCredentials;
  return {
    kind: swapped ? "reflected" : permissive.kind,
    found: swapped ? `${permissive.found}${CREDENTIAL_SWAP}` : permissive.found,
    credentials,
    usesDefault: false,
    node,
    originNames: permissive.originNames,
  };
}

/** `"*"` and `true` written as such: the only origin values the suggestion replaces. */
function isPlainPermissiveLiteral(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.Literal && (value.value === true || value.value === "*");
}
