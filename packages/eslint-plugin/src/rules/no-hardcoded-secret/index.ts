import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { createRule } from "../../util/create-rule.js";
import { collectModuleBindings, type ModuleBinding } from "../../util/module-bindings.js";
import { describeSecret } from "./mask.js";
import { compileOptions, type CompiledOptions, type NoHardcodedSecretOptions } from "./options.js";
import { classifySecretName, type SecretName, splitWords, toEnvName } from "./secret-names.js";
import { looksGenerated, looksLikePassword } from "./secret-values.js";
import { type FileImports, isKeyLibrarySpecifier, mayBeKeyOption, mayHaveKeyPositions } from "./library-arguments.js";
import { isExactPlaceholder } from "./placeholders.js";
import { createParameterNameLookup, type ParameterNameAt } from "./parameter-names.js";
import { type CallArgument, describeStringContext, mayBeKeyArgument, type StringContext } from "./string-context.js";
import { assembledText, calleeText, isInFirebaseConfig, isOutsideValuePosition, mustStayLiteral, type StringNode, unwrapTypeAssertions } from "./string-positions.js";
import { findKnownToken, isBarePrivateKeyHeader, type TokenMatch } from "./token-formats.js";
import { findKeyValueCredential, findQueryCredential, findUrlCredential, INTERPOLATION_MARK } from "./url-credentials.js";
import { basicAuthOption, type BasicAuthForm, encodedBasicPassword } from "./basic-auth.js";

type ReportMessageIds =
  | "knownFormat"
  | "namedSecret"
  | "librarySecret"
  | "weakLibrarySecret"
  | "parameterSecret"
  | "envFallback"
  | "urlPassword"
  | "urlQuerySecret"
  | "basicAuthSecret"
  | "weakBasicAuthSecret";
export type MessageIds = ReportMessageIds | "useEnvironmentVariable" | "removeFallback";
export type Options = [NoHardcodedSecretOptions];

// Shorter strings cannot hold any credential this rule recognises (passwords start at 8 characters).
const MIN_CANDIDATE_LENGTH = 8;
// Longer strings are documents or bundles, not values assigned to a secret-like name.
const MAX_NAMED_VALUE_LENGTH = 1000;
const AUTH_SCHEME = /^(Bearer|Token|Bot|Basic)\s+(\S+)$/i;
const WHITESPACE = /\s/;
// Words and numbers: every secret check needs two character classes.
const SINGLE_CHARACTER_CLASS = /^(?:[a-z]+|[A-Z]+|\d+)$/;
const AWS_SECRET_ACCESS_KEY = /^[A-Za-z0-9/+]{40}$/;
// A public key or certificate given where a verification key goes (`jwt.verify(token, PUBLIC_KEY)`) is no secret.
const PUBLIC_MATERIAL = /PUBLIC KEY|CERTIFICATE/;
// UUIDs and long runs of digits are what some vendors issue as API keys: secrets when the name says so.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DIGITS = /^\d{8,}$/;
// Nodes a string sits in when it is passed as an argument, an option or a constant: the only places a key position is reached from.
const KEY_CONTAINERS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.Property,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.TSAsExpression,
]);
// `auth: { username: "string", password: "string" }` describes a shape; it is not a credential.
const TYPE_NAME = /^(?:string|number|boolean|object|any|unknown)$/;
// How many `const` hops to follow from a literal to the key position it reaches.
const MAX_ALIAS_HOPS = 2;

const stringList = { type: "array", items: { type: "string" }, uniqueItems: true } as const;

export default createRule<Options, MessageIds>({
  name: "no-hardcoded-secret",
  meta: {
    type: "problem",
    hasSuggestions: true,
    messages: {
      knownFormat:
        "Hardcoded {{kind}} ({{preview}}, {{length}} characters, entropy {{entropy}} bits/char); read it from the environment or a secret manager.",
      namedSecret:
        "'{{name}}' holds a hardcoded {{kind}} ({{preview}}, {{length}} characters, entropy {{entropy}} bits/char); read it from the environment or a secret manager.",
      librarySecret:
        "{{callee}}() is given a hardcoded {{kind}} ({{preview}}, {{length}} characters, entropy {{entropy}} bits/char); read it from the environment or a secret manager.",
      weakLibrarySecret:
        "{{callee}}() is given a hardcoded {{kind}}, and a weak one ({{preview}}, {{length}} characters, entropy {{entropy}} bits/char) that can be guessed; read a long random value from the environment or a secret manager.",
      parameterSecret:
        "Parameter '{{name}}' of {{callee}} is given a hardcoded {{kind}} ({{preview}}, {{length}} characters, entropy {{entropy}} bits/char); read it from the environment or a secret manager.",
      envFallback:
        "The fallback for {{envName}} is a hardcoded {{kind}} ({{preview}}, {{length}} characters, entropy {{entropy}} bits/char); fail when the variable is missing instead.",
      urlPassword:
        "{{kind}} embeds a hardcoded password ({{preview}}, {{length}} characters, entropy {{entropy}} bits/char); read the URL from the environment.",
      urlQuerySecret:
        "URL query parameter `{{param}}` holds a hardcoded credential ({{preview}}, {{length}} characters, entropy {{entropy}} bits/char); read it from the environment and add it when building the URL.",
      basicAuthSecret:
        "This Basic auth {{form}} holds a hardcoded password ({{preview}}, {{length}} characters, entropy {{entropy}} bits/char); read the credentials from the environment or a secret manager.",
      weakBasicAuthSecret:
        "This Basic auth {{form}} holds a hardcoded password, and a weak one ({{preview}}, {{length}} characters, entropy {{entropy}} bits/char) that can be guessed; read the credentials from the environment or a secret manager.",
      useEnvironmentVariable: "Read it from process.env.{{envName}} instead.",
      removeFallback: "Remove the hardcoded fallback and use process.env.{{envName}} only.",
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          additionalPatterns: {
            type: "array",
            description: "Extra token formats to report in any string: a name for the message and a regular expression.",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["name", "pattern"],
              properties: { name: { type: "string" }, pattern: { type: "string" }, flags: { type: "string" } },
            },
          },
          ignoredPaths: { ...stringList, description: "Globs or /regex/ strings for files to skip." },
          ignoreTests: { type: "boolean", description: "Skip test files (*.test.*, *.spec.*, __tests__/, test/, tests/)." },
          minEntropy: { type: "number", minimum: 0, description: "Minimum Shannon entropy (bits per character) of a generated secret." },
          ignoredNames: { ...stringList, description: "Names (or /regex/) never treated as secret-like." },
          allowedValues: { ...stringList, description: "Values (or /regex/) never reported." },
        },
      },
    ],
    defaultOptions: [
      { additionalPatterns: [], ignoredPaths: [], ignoreTests: false, minEntropy: 3, ignoredNames: [], allowedValues: [] },
    ],
  },
  defaultOptions: [
    { additionalPatterns: [], ignoredPaths: [], ignoreTests: false, minEntropy: 3, ignoredNames: [], allowedValues: [] },
  ],
  create(context, [rawOptions]) {
    const options = compileOptions(rawOptions);
    // Reading `context.filename` is a slow prototype lookup on a per-file object: only when an option needs it.
    if (options.hasFileFilters && options.isIgnoredFile(context.filename, context.cwd)) return {};
    const { sourceCode } = context;
    let bindings: ReadonlyMap<string, ModuleBinding> | undefined;
    // Set while the file is traversed; the strings are judged at the end, when every module specifier has been seen.
    let importsKeyLibrary = false;
    const imports: FileImports = {
      bindings: () => (bindings ??= collectModuleBindings(sourceCode.ast)),
      mayImportKeyLibrary: () => importsKeyLibrary,
      constInitializer: (identifier) => {
        const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
        const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        return definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.parent.kind === "const" ? (definition.node.init ?? undefined) : undefined;
      },
    };
    let keyPositionsPossible: boolean | undefined;
    const mayReachKeyPosition = () => (keyPositionsPossible ??= mayHaveKeyPositions(sourceCode.text));
    // One closure per file, not one per string.
    const looksGeneratedValue = (value: string) => looksGenerated(value, options.minEntropy);

    /**
     * Follows `const secret = "..."` to where the constant is used, up to two hops: the key position
     * (`jwt.sign(payload, secret)`) or the secret-named property (`{ apiKey: secret }`) it reaches.
     */
    function followConstAlias(stringContext: StringContext, hops = 0): StringContext {
      const declarator = stringContext.constDeclarator;
      if (stringContext.sink || !declarator || hops >= MAX_ALIAS_HOPS || !mayReachKeyPosition()) return stringContext;
      for (const variable of sourceCode.getDeclaredVariables(declarator)) {
        for (const reference of variable.references) {
          if (!reference.isRead() || reference.identifier.type !== AST_NODE_TYPES.Identifier) continue;
          const used = followConstAlias(describeStringContext(reference.identifier, imports), hops + 1);
          if (used.sink) return { ...stringContext, sink: used.sink, sinkCall: used.sinkCall };
          const name = used.name;
          if (name !== undefined && !options.isIgnoredName(name) && classifySecretName(name) && !(stringContext.name && classifySecretName(stringContext.name))) {
            return { ...stringContext, name };
          }
        }
      }
      return stringContext;
    }

    /**
     * A string that no other check reports (short, spaced, one character class) given where only a key goes.
     * Cheapest first: the string's own position rules out most strings; the file's text test (`mayReachKeyPosition`)
     * is made only for a string at a key position, or a constant whose uses are to be followed.
     */
    function checkKeyPosition(node: StringNode, value: string): void {
      // Once the file's text is known to hold no key position, no string of it can be reported here.
      if (keyPositionsPossible === false) return;
      if (!KEY_CONTAINERS.has(node.parent.type) || !mayBeKeyOption(node) || !mayBeKeyArgument(node, imports)) return;
      const stringContext = followConstAlias(describeStringContext(node, imports));
      const { sink, sinkCall } = stringContext;
      if (!sink || !sinkCall || (stringContext.name !== undefined && options.isIgnoredName(stringContext.name))) return;
      if (!mayReachKeyPosition() || isExactPlaceholder(value) || PUBLIC_MATERIAL.test(value) || options.isAllowedValue(value.trim())) return;
      const data = { callee: calleeText(sinkCall), kind: sink.kind, ...describeSecret(value) };
      report(node, "weakLibrarySecret", data, stringContext, sink.envName, value, { secret: value, index: 0 });
    }
    // Type information is looked for once per file, on first need (reading `parserServices` costs more than
    // most files' checks); the checker is only built, and only asked, for a call argument that already looks
    // like a secret and has no name in the file.
    let programKnown: boolean | undefined;
    const hasProgram = () => (programKnown ??= Boolean(sourceCode.parserServices?.program));
    let parameterNameAt: ParameterNameAt | undefined;
    const declaredParameterName = (argument: CallArgument): string | undefined => {
      parameterNameAt ??= createParameterNameLookup(sourceCode) ?? (() => undefined);
      return parameterNameAt(argument);
    };

    /**
     * Basic auth built from a literal: `"Basic " + btoa("user:pass")`, axios `auth: { username, password }`, got
     * `{ username, password }`. True when reported. A strong password in an option is left to the named-secret
     * check, which reports it under its name.
     */
    function checkBasicAuth(node: StringNode, value: string): boolean {
      const parentType = node.parent.type;
      let form: BasicAuthForm | undefined;
      let password: string | undefined;
      if (parentType === AST_NODE_TYPES.CallExpression) {
        password = encodedBasicPassword(node, value);
        form = "header";
      } else if (parentType === AST_NODE_TYPES.Property) {
        form = basicAuthOption(node, imports.bindings);
        password = form && !options.isIgnoredName("password") ? value : undefined;
      }
      if (password === undefined || form === undefined || isExactPlaceholder(password) || TYPE_NAME.test(password) || options.isAllowedValue(password) || options.isAllowedValue(value.trim())) return false;
      const strong = looksLikePassword(password, options.minEntropy);
      if (strong && form !== "header") return false;
      reportBasicAuth(node, form, password, strong);
      return true;
    }

    function reportBasicAuth(node: StringNode, form: BasicAuthForm, password: string, strong: boolean): void {
      context.report({ node, messageId: strong ? "basicAuthSecret" : "weakBasicAuthSecret", data: { form, ...describeSecret(password) } });
    }

    /**
     * `text` is the string, or a template's quasis joined with INTERPOLATION_MARK; `parts` holds those quasis
     * for a template with expressions, and is undefined for a whole string (no array for the common case).
     */
    function check(node: StringNode, text: string, parts: readonly string[] | undefined): void {
      if (text.length < MIN_CANDIDATE_LENGTH || isOutsideValuePosition(node)) return;
      const whole = parts === undefined ? text : undefined;
      if (whole !== undefined && options.hasAllowedValues && options.isAllowedValue(whole.trim())) return;

      const token = findTokenIn(node, text, parts, options);
      if (token) {
        if (token.kind === "Google API key" && isInFirebaseConfig(node)) return;
        const stringContext = describeStringContext(node, imports);
        const envName = (token.preferNameFromCode ? secretEnvNameFromContext(stringContext) : undefined) ?? token.envName;
        report(node, "knownFormat", { kind: token.kind, ...describeSecret(token.measured) }, stringContext, envName, whole, token);
        return;
      }
      const credential = findUrlCredential(text) ?? findKeyValueCredential(text);
      if (credential && !options.isAllowedValue(credential.url)) {
        const stringContext = describeStringContext(node, imports);
        const data = { kind: credential.kind, ...describeSecret(credential.password) };
        // The URL runs on past the host (port, database, query): the whole run is what moves to the environment.
        const url = credential.isWholeString ? text : (/^\S*/.exec(text.slice(credential.index))?.[0] ?? credential.url);
        report(node, "urlPassword", data, stringContext, credential.envName, whole, { secret: url, index: credential.index });
        return;
      }
      const query = findQueryCredential(text, looksGeneratedValue);
      if (query && !options.isAllowedValue(query.value)) {
        const data = { param: query.param, ...describeSecret(query.value) };
        report(node, "urlQuerySecret", data, describeStringContext(node, imports), toEnvName(query.param) ?? "API_KEY", whole, { secret: query.value, index: query.index });
        return;
      }
      if (whole === undefined) return;
      if (mayBeNamedSecret(whole)) checkNamedValue(node, whole, describeStringContext(node, imports));
      else checkKeyPosition(node, whole);
    }

    /** High-entropy strings given a secret-like name, or passed where a library expects a credential. */
    function checkNamedValue(node: StringNode, value: string, stringContext: StringContext, followed = false): void {
      const secretName = namedCredential(stringContext, options) ?? parameterCredential(value, stringContext);
      if (!secretName) {
        const aliased = followed ? stringContext : followConstAlias(stringContext);
        if (aliased !== stringContext) checkNamedValue(node, value, aliased, true);
        return;
      }
      const scheme = AUTH_SCHEME.exec(value);
      let candidate = scheme?.[2] ?? value;
      let { isPassword, kind } = secretName;
      let envName = secretName.envName ?? "API_TOKEN";
      if (scheme?.[1]?.toLowerCase() === "basic") {
        // Basic credentials are base64("user:password"): judge the password part.
        const decoded = Buffer.from(candidate, "base64").toString("utf8");
        const separator = decoded.indexOf(":");
        if (separator <= 0) return;
        candidate = decoded.slice(separator + 1);
        isPassword = true;
        kind = "Basic auth credential";
        envName = "BASIC_AUTH_CREDENTIALS";
      }
      if (options.isAllowedValue(candidate)) return;
      if (secretName.isAwsSecretKey && AWS_SECRET_ACCESS_KEY.test(candidate)) {
        kind = "AWS secret access key";
        envName = "AWS_SECRET_ACCESS_KEY";
      }
      const vendorIssued = !isPassword && (UUID.test(candidate) || DIGITS.test(candidate));
      const looksReal = vendorIssued || (isPassword ? looksLikePassword(candidate, options.minEntropy) : looksGenerated(candidate, options.minEntropy));
      if (!looksReal && scheme?.[1]?.toLowerCase() === "basic") {
        // `Authorization: "Basic dXNlcjpwYXNz"`: the header only ever holds credentials, so a guessable password is reported too.
        if (!isExactPlaceholder(candidate)) reportBasicAuth(node, "header", candidate, false);
        return;
      }
      if (!looksReal) {
        // Where only a key can go, a guessable value is a hardcoded secret too, and a worse one.
        const reached = stringContext.sink ? stringContext : followConstAlias(stringContext);
        if (reached.sink && reached.sinkCall && !scheme && !isExactPlaceholder(value) && !PUBLIC_MATERIAL.test(value)) {
          const data = { callee: calleeText(reached.sinkCall), kind: reached.sink.kind, ...describeSecret(candidate) };
          report(node, "weakLibrarySecret", data, reached, reached.sink.envName, value, { secret: candidate, index: 0 });
        }
        return;
      }

      const measured = scheme ? (scheme[2] ?? candidate) : candidate;
      const match = { secret: measured, index: value.length - measured.length };
      if (stringContext.envFallback) {
        const data = { envName: stringContext.envFallback.envName, kind, ...describeSecret(measured) };
        report(node, "envFallback", data, stringContext, envName, value, match);
      } else if (stringContext.sinkCall) {
        const data = { callee: calleeText(stringContext.sinkCall), kind, ...describeSecret(measured) };
        report(node, "librarySecret", data, stringContext, envName, value, match);
      } else if (secretName.parameterOf !== undefined) {
        const data = { name: secretName.displayName, callee: secretName.parameterOf, kind, ...describeSecret(measured) };
        report(node, "parameterSecret", data, stringContext, envName, value, match);
      } else {
        const data = { name: secretName.displayName, kind, ...describeSecret(measured) };
        report(node, "namedSecret", data, stringContext, envName, value, match);
      }
    }

    /**
     * With type information: a call argument whose declared parameter name is secret-like
     * (`constructor(apiKey: string)`). Values that could not pass as a secret under any name are
     * ruled out first, so the checker is only asked about strings that could be reported.
     */
    function parameterCredential(value: string, stringContext: StringContext): NamedCredential | undefined {
      const { argument } = stringContext;
      if (!argument || !hasProgram() || !mightBeSecretValue(value, options.minEntropy)) return undefined;
      const name = declaredParameterName(argument);
      if (name === undefined || options.isIgnoredName(name)) return undefined;
      const secretName = classifySecretName(name);
      if (!secretName) return undefined;
      const envName = stringContext.envFallback?.envName ?? envNameFor(name, secretName, stringContext);
      return { ...secretName, displayName: name, envName, parameterOf: callLabel(argument.call) };
    }

    function report(
      node: StringNode,
      messageId: ReportMessageIds,
      data: Record<string, string>,
      stringContext: StringContext,
      envName: string,
      whole: string | undefined,
      match: Pick<TokenMatch, "secret" | "index">,
    ): void {
      context.report({ node, messageId, data, suggest: suggestions(node, stringContext, envName, whole, match) });
    }

    function suggestions(
      node: StringNode,
      stringContext: StringContext,
      envName: string,
      whole: string | undefined,
      match: Pick<TokenMatch, "secret" | "index">,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const fallback = stringContext.envFallback;
      if (fallback && unwrapTypeAssertions(fallback.fallback) === node) {
        const replacement = sourceCode.getText(fallback.withoutFallback);
        return [{ messageId: "removeFallback", data: { envName: fallback.envName }, fix: (fixer) => fixer.replaceText(fallback.withFallback, replacement) }];
      }
      if (whole === undefined || stringContext.noRewrite || fallback || mustStayLiteral(node)) return [];
      // Only when the secret is the whole string, or the whole string after an auth scheme.
      const trimmed = whole.trim();
      const start = trimmed.indexOf(match.secret);
      const prefix = trimmed.slice(0, Math.max(start, 0));
      if (start < 0 || !trimmed.endsWith(match.secret) || (prefix !== "" && !/^(?:Bearer|Token|Bot|Basic)\s+$/i.test(prefix))) return [];
      const read = `process.env.${envName}`;
      const expression = prefix === "" ? read : `\`${prefix}\${${read}}\``;
      const replacement = stringContext.inJsxAttribute ? `{${expression}}` : expression;
      return [{ messageId: "useEnvironmentVariable", data: { envName }, fix: (fixer) => fixer.replaceText(node, replacement) }];
    }

    /** A known token in one of the string's parts, or in the whole concatenation a bare PEM header starts. */
    function findTokenIn(node: StringNode, text: string, parts: readonly string[] | undefined, compiled: CompiledOptions): TokenMatch | undefined {
      if (parts !== undefined) {
        for (const part of parts) {
          const token = findTokenInPart(part, compiled);
          if (token) return token;
        }
        return undefined;
      }
      const token = findTokenInPart(text, compiled);
      if (token) return token;
      if (text.includes("PRIVATE KEY") && isBarePrivateKeyHeader(text)) {
        const assembled = assembledText(node);
        const token = assembled === undefined ? undefined : findKnownToken(assembled);
        return token && !compiled.isAllowedValue(token.secret) ? token : undefined;
      }
      return undefined;
    }

    function findTokenInPart(part: string, compiled: CompiledOptions): TokenMatch | undefined {
      const token = findKnownToken(part) ?? findCustomPattern(part, compiled);
      return token && !compiled.isAllowedValue(token.secret) ? token : undefined;
    }

    function judgeLiteral(node: TSESTree.StringLiteral): void {
      const { value } = node;
      if (checkBasicAuth(node, value)) return;
      if (value.length >= MIN_CANDIDATE_LENGTH) check(node, value, undefined);
      else if (KEY_CONTAINERS.has(node.parent.type) && !isOutsideValuePosition(node)) checkKeyPosition(node, value);
    }

    function judgeTemplate(node: TSESTree.TemplateLiteral): void {
      if (node.expressions.length === 0 && checkBasicAuth(node, node.quasis[0]?.value.cooked ?? "")) return;
      let length = 0;
      for (const quasi of node.quasis) length += quasi.value.raw.length;
      if (length < MIN_CANDIDATE_LENGTH) return;
      if (node.quasis.length === 1) {
        const only = node.quasis[0];
        check(node, only ? (only.value.cooked ?? only.value.raw) : "", undefined);
        return;
      }
      const parts = node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw);
      check(node, parts.join(INTERPOLATION_MARK), parts);
    }

    // Strings are collected during the traversal and judged at its end: whether a callee can be a key
    // library's alias depends on the file's module specifiers, which may come after the call.
    const strings: StringNode[] = [];
    return {
      // A plain type selector: ESLint dispatches it without matching, where an attribute selector
      // (`Literal[value=/.{8}/]`) would be evaluated by esquery on every literal of the file.
      Literal(node) {
        if (typeof node.value !== "string" || node.value.length === 0) return;
        const string = node as TSESTree.StringLiteral;
        if (!importsKeyLibrary && isKeyLibrarySpecifier(string)) importsKeyLibrary = true;
        strings.push(string);
      },
      TemplateLiteral(node) {
        strings.push(node);
      },
      "Program:exit"() {
        for (const node of strings) {
          if (node.type === AST_NODE_TYPES.Literal) judgeLiteral(node);
          else judgeTemplate(node);
        }
      },
    };
  },
});

interface NamedCredential {
  kind: string;
  isPassword: boolean;
  isAwsSecretKey: boolean;
  /** The name as the message shows it. */
  displayName: string;
  envName?: string;
  /** Set when the name is a parameter's, known from type information: the call, as the message shows it. */
  parameterOf?: string;
}

/** Cheap test before looking for a name: secrets are single tokens, bar an auth scheme. */
function mayBeNamedSecret(value: string): boolean {
  if (value.length > MAX_NAMED_VALUE_LENGTH || (SINGLE_CHARACTER_CLASS.test(value) && !DIGITS.test(value))) return false;
  return !WHITESPACE.test(value) || AUTH_SCHEME.test(value);
}

/** A value that `checkNamedValue` could report under some secret-like name: the gate before asking the checker. */
function mightBeSecretValue(value: string, minEntropy: number): boolean {
  const scheme = AUTH_SCHEME.exec(value);
  if (scheme?.[1]?.toLowerCase() === "basic") return true;
  const candidate = scheme?.[2] ?? value;
  return looksGenerated(candidate, minEntropy) || looksLikePassword(candidate, minEntropy);
}

/** `new PaymentsClient()`, `db.connect()`, `super()`; a neutral phrase for callees with no name. */
function callLabel(call: TSESTree.CallExpression | TSESTree.NewExpression): string {
  if (call.callee.type === AST_NODE_TYPES.Super) return "super()";
  const text = calleeText(call);
  return /[\w$]$/.test(text) ? `${text}()` : "the called function";
}

/** What the string's name or library position says it holds, unless the name is ignored by configuration. */
function namedCredential(stringContext: StringContext, options: CompiledOptions): NamedCredential | undefined {
  const { sink, name, envFallback } = stringContext;
  if (sink) return { ...sink, isAwsSecretKey: false, displayName: sink.kind };
  if (stringContext.passwordBySibling && name !== undefined && !options.isIgnoredName(name)) {
    return { kind: "password", isPassword: true, isAwsSecretKey: false, displayName: name, envName: "AUTH_PASSWORD" };
  }
  // The name first, then the environment variable it falls back from (no array: this runs for most strings).
  return namedBy(name, stringContext, options) ?? namedBy(envFallback?.envName, stringContext, options);
}

function namedBy(candidate: string | undefined, stringContext: StringContext, options: CompiledOptions): NamedCredential | undefined {
  if (candidate === undefined || options.isIgnoredName(candidate)) return undefined;
  const secretName = classifySecretName(candidate);
  if (!secretName) return undefined;
  const { envFallback } = stringContext;
  return { ...secretName, displayName: candidate, envName: envFallback?.envName ?? envNameFor(candidate, secretName, stringContext) };
}

/** `apiKey` → API_KEY; a bare `secret` in `session({...})` → SESSION_SECRET; none for a header name. */
function envNameFor(name: string, secretName: SecretName, stringContext: StringContext): string | undefined {
  if (secretName.kind === "authorization header") return undefined;
  const { ownerName } = stringContext;
  const bare = splitWords(name).length === 1;
  return (bare && ownerName !== undefined ? toEnvName(`${ownerName}_${name}`) : undefined) ?? toEnvName(name);
}

/** The variable name the code already gives this credential, when that name says it is one. */
function secretEnvNameFromContext(stringContext: StringContext): string | undefined {
  if (stringContext.envFallback) return stringContext.envFallback.envName;
  if (stringContext.sink) return stringContext.sink.envName;
  const { name } = stringContext;
  const secretName = name === undefined ? undefined : classifySecretName(name);
  // A header name ("Authorization") says where the credential goes, not what it is.
  return name !== undefined && secretName && secretName.kind !== "authorization header" ? toEnvName(name) : undefined;
}

function findCustomPattern(text: string, options: CompiledOptions): TokenMatch | undefined {
  for (const { name, regex } of options.additionalPatterns) {
    const match = regex.exec(text);
    if (match && match[0] !== "") {
      const envName = toEnvName(name) ?? "SECRET";
      return { kind: name, secret: match[0], index: match.index, measured: match[0], envName, preferNameFromCode: true };
    }
  }
  return undefined;
}
