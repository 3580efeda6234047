import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { createRule } from "../../util/create-rule.js";
import { collectModuleBindings } from "../../util/module-bindings.js";
import { type AnalysisContext, enclosingFunction } from "./ast.js";
import { type AllowListTarget, analyzeCorsSite } from "./cors-options.js";
import { type CorsSiteRecognizer, createCorsSiteRecognizer } from "./cors-sites.js";
import { ALLOW_CREDENTIALS, ALLOW_ORIGIN, headerSinkOf, isHeaderName, isTrueHeaderValue, isTypedTrueHeaderValue, routeConfigSource, routePathOf } from "./header-sinks.js";
import { evaluateAllowOriginValue, evaluateTypedAllowOriginValue, type OriginKind } from "./origin-value.js";
import { isGuardedByOriginCheck, originReferenceTest } from "./request-origin.js";
import { createCorsTypeFacts } from "./type-facts.js";
import { isTestFile } from "../../util/test-files.js";
import { perOptions } from "../../util/per-options.js";
import { mayConfigureCorsLibrary, mayNameCorsHeader } from "./text-gates.js";

export type Options = [
  {
    /** Accept a `*` origin when no credentials are allowed (public, read-only APIs). */
    allowWildcardWithoutCredentials?: boolean;
    /** Route prefixes where a `*` origin without credentials is intended (`/public`, `/fonts`). */
    publicPaths?: string[];
  },
];

export type MessageIds =
  | "defaultPermissive"
  | "wildcardOrigin"
  | "reflectedOrigin"
  | "credentialsWithReflectedOrigin"
  | "credentialsWithWildcardOrigin"
  | "suggestAllowList";

/** Fails closed: with CORS_ORIGINS unset, no cross-origin request is allowed. */
const ALLOW_LIST_EXPRESSION = 'process.env.CORS_ORIGINS?.split(",") ?? []';
const ALLOW_LIST_OPTIONS = `{ origin: ${ALLOW_LIST_EXPRESSION} }`;
const HEADER_SOURCE = "The `Access-Control-Allow-Origin` header";
const ROUTE_CONFIG_SOURCE = "The `Access-Control-Allow-Origin` header in this `headers` route config";

/** One permissive policy, whatever produced it. */
interface Finding {
  source: string;
  kind: OriginKind;
  found: string;
  credentials: boolean;
  /** The library's default is in effect (no `origin` configured). */
  usesDefault: boolean;
  defaultBehavior: string;
  node: TSESTree.Node;
  route: string | undefined;
  allowListTarget?: AllowListTarget;
}

interface PendingHeader extends Omit<Finding, "credentials"> {
  /** The function (or file) the header is set in: credentials set in the same one pair with it. */
  scope: TSESTree.Node;
}

export default createRule<Options, MessageIds>({
  name: "no-permissive-cors",
  meta: {
    type: "problem",
    hasSuggestions: true,
    messages: {
      defaultPermissive:
        "{{source}} is configured without an `origin`, so it defaults to {{defaultBehavior}} and every website can read its responses. Pass an allow-list of trusted origins.",
      wildcardOrigin: "{{source}} allows every origin ({{found}}). Restrict it to an allow-list of trusted origins.",
      reflectedOrigin:
        "{{source}} echoes any request Origin back ({{found}}), which trusts every website. Compare the origin with an allow-list first.",
      credentialsWithReflectedOrigin:
        "{{source}} echoes any request Origin ({{found}}) and allows credentials, so any website can send authenticated requests as the user and read the responses. Compare the origin with an allow-list.",
      credentialsWithWildcardOrigin:
        "{{source}} allows credentials with a wildcard origin ({{found}}): browsers refuse this pair, and the usual workaround of echoing the origin lets any website act as the user. List the trusted origins instead.",
      suggestAllowList: "Allow only the origins listed in the comma-separated CORS_ORIGINS environment variable.",
    },
    schema: [
      {
        type: "object",
        properties: {
          allowWildcardWithoutCredentials: {
            type: "boolean",
            description: "Accept a `*` origin (explicit or a library default) when credentials are not allowed.",
          },
          publicPaths: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description: "Route prefixes where a `*` origin without credentials is intended, such as `/public` or `/fonts`.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowWildcardWithoutCredentials: false, publicPaths: [] }],
  },
  defaultOptions: [{ allowWildcardWithoutCredentials: false, publicPaths: [] }],
  create(context, [options]) {
    // Most files mention neither a CORS library nor the headers: the text decides before anything is built.
    const text = context.sourceCode.text;
    const watchesLibraries = mayConfigureCorsLibrary(text);
    const watchesHeaders = mayNameCorsHeader(text);
    if (!watchesLibraries && !watchesHeaders) return {};
    // A CORS policy in a test's app setup never reaches production.
    if (isTestFile(context.filename)) return {};
    // Type facts only exist with a program; the checker behind them is fetched on the first question.
    const analysis: AnalysisContext = { sourceCode: context.sourceCode, types: createCorsTypeFacts(context.sourceCode) };
    const { publicPaths } = compileOptions(options);
    const reported = new Set<TSESTree.Node>();
    const pendingHeaders: PendingHeader[] = [];
    const credentialScopes = new Set<TSESTree.Node>();
    let recognizeCorsSite: CorsSiteRecognizer | undefined;

    const isIntendedWildcard = (route: string | undefined): boolean =>
      options.allowWildcardWithoutCredentials === true || (route !== undefined && publicPaths.some((prefix) => routeStartsWith(route, prefix)));

    function report(finding: Finding): void {
      if (reported.has(finding.node)) return;
      reported.add(finding.node);
      if (finding.kind === "wildcard" && !finding.credentials && isIntendedWildcard(finding.route)) return;
      const { allowListTarget } = finding;
      context.report({
        node: finding.node,
        messageId: messageIdFor(finding),
        data: { source: finding.source, found: finding.found, defaultBehavior: finding.defaultBehavior },
        suggest: allowListTarget
          ? [{ messageId: "suggestAllowList", fix: (fixer) => allowListFix(context.sourceCode, fixer, allowListTarget) }]
          : null,
      });
    }

    function checkCorsSite(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const site = recognizeCorsSite?.(node);
      const finding = site && analyzeCorsSite(analysis, site);
      if (!site || !finding) return;
      if (finding.kind === "reflected" && isGuardedByOriginCheck(analysis, node, originReferenceTest(finding.originNames))) return;
      report({
        ...finding,
        source: site.library.label,
        defaultBehavior: site.library.defaultBehavior,
        route: routePathOf(node),
      });
    }

    function checkAllowOriginHeader(literal: TSESTree.Literal): void {
      const sink = headerSinkOf(analysis, literal);
      const permissive = sink && (evaluateAllowOriginValue(analysis, sink.value) ?? evaluateTypedAllowOriginValue(analysis, sink.value));
      if (!sink || !permissive) return;
      if (permissive.kind === "reflected" && isGuardedByOriginCheck(analysis, sink.node, originReferenceTest(permissive.originNames))) return;
      pendingHeaders.push({
        source: sink.routeConfig ? ROUTE_CONFIG_SOURCE : HEADER_SOURCE,
        kind: permissive.kind,
        found: permissive.found,
        usesDefault: false,
        defaultBehavior: "",
        node: sink.node,
        route: sink.routeConfig ? routeConfigSource(sink) : routePathOf(sink.node),
        scope: enclosingFunction(sink.node),
      });
    }

    function checkAllowCredentialsHeader(literal: TSESTree.Literal): void {
      const sink = headerSinkOf(analysis, literal);
      if (sink && (isTrueHeaderValue(analysis, sink.value) || isTypedTrueHeaderValue(analysis, sink.value))) credentialScopes.add(enclosingFunction(sink.node));
    }

    const libraryListeners: TSESLint.RuleListener = watchesLibraries
      ? {
          Program(program) {
            recognizeCorsSite = createCorsSiteRecognizer(analysis, collectModuleBindings(program));
          },
          CallExpression: checkCorsSite,
          NewExpression: checkCorsSite,
        }
      : {};
    const headerListeners: TSESLint.RuleListener = watchesHeaders
      ? {
          Literal(node) {
            // Cheap length test first: this runs on every literal of the file.
            if (typeof node.value !== "string") return;
            if (node.value.length === ALLOW_ORIGIN.length && isHeaderName(node, ALLOW_ORIGIN)) checkAllowOriginHeader(node);
            else if (node.value.length === ALLOW_CREDENTIALS.length && isHeaderName(node, ALLOW_CREDENTIALS)) checkAllowCredentialsHeader(node);
          },
          "Program:exit"() {
            // Credentials may be set before or after the origin header, so headers are judged at the end.
            for (const { scope, ...header } of pendingHeaders) report({ ...header, credentials: credentialScopes.has(scope) });
          },
        }
      : {};
    return { ...libraryListeners, ...headerListeners };
  },
});

function messageIdFor(finding: Finding): MessageIds {
  if (finding.credentials) return finding.kind === "reflected" ? "credentialsWithReflectedOrigin" : "credentialsWithWildcardOrigin";
  if (finding.usesDefault) return "defaultPermissive";
  return finding.kind === "reflected" ? "reflectedOrigin" : "wildcardOrigin";
}

function allowListFix(sourceCode: Readonly<TSESLint.SourceCode>, fixer: TSESLint.RuleFixer, target: AllowListTarget): TSESLint.RuleFix {
  switch (target.kind) {
    case "replace":
      return fixer.replaceText(target.node, ALLOW_LIST_OPTIONS);
    case "replaceOrigin":
      return fixer.replaceText(target.node, ALLOW_LIST_EXPRESSION);
    case "addOrigin": {
      const [first] = target.object.properties;
      return first ? fixer.insertTextBefore(first, `origin: ${ALLOW_LIST_EXPRESSION}, `) : fixer.replaceText(target.object, ALLOW_LIST_OPTIONS);
    }
    case "argument": {
      const closingParen = sourceCode.getLastToken(target.call) as TSESTree.Token;
      if (!target.asExtraArgument) return fixer.insertTextBefore(closingParen, ALLOW_LIST_OPTIONS);
      const beforeParen = sourceCode.getTokenBefore(closingParen);
      const separator = beforeParen?.value === "," ? " " : ", ";
      return fixer.insertTextBefore(closingParen, `${separator}${ALLOW_LIST_OPTIONS}`);
    }
  }
}

const compileOptions = perOptions((options: Options[0]) => ({ publicPaths: (options.publicPaths ?? []).map(normalizeRoutePrefix) }));

/** "/fonts/*" and "/fonts/" both mean the prefix "/fonts". */
function normalizeRoutePrefix(path: string): string {
  return path.replace(/[/*]+$/, "");
}

/** Whether `route` is `prefix` or lies under it: "/fonts/:file*" is under "/fonts", "/fontsx" is not. */
function routeStartsWith(route: string, prefix: string): boolean {
  if (prefix === "") return true;
  if (!route.startsWith(prefix)) return false;
  const next = route.charAt(prefix.length);
  return next === "" || next === "/" || next === "*" || next === "(";
}
