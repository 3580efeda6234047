/**
 * Library arguments that are always credentials, whatever the variable passed is called:
 * the secret of `jwt.sign`, the key of `createHmac`, the auth token of `twilio(sid, token)`...
 * Libraries are recognised through the file's imports, or by their conventional local name when
 * the import is not visible.
 */
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { lastSegmentName, memberName, propertyKeyName, unwrap } from "../../util/ast.js";
import { type ModuleBinding, packageName, requiredModule } from "../../util/module-bindings.js";


/** What the rule knows about the file's imports, computed on first use. */
export interface FileImports {
  /** Local names bound to modules. */
  bindings: () => ReadonlyMap<string, ModuleBinding>;
  /**
   * False when no module specifier of the file names a library of the tables below, so that no binding
   * leads to one and a callee's alias need not be looked up (collecting the bindings is the costly part).
   */
  mayImportKeyLibrary: () => boolean;
  /** The initializer of the `const` an identifier names, if it is one (`const sign = createSign("SHA256")`). */
  constInitializer?: (identifier: TSESTree.Identifier) => TSESTree.Node | undefined;
}

/** What a library argument position says about the string passed there. */
export interface Sink {
  kind: string;
  envName: string;
  isPassword: boolean;
}

interface LibraryArgument {
  /** Package the callee must come from (or be conventionally named after when not imported). */
  module: string;
  /** Export called, as the binding records it: "default"/"*" for the module itself. */
  exports: readonly string[];
  /** Names agents conventionally give the function or class when its import is not visible. */
  conventionalCallees: readonly string[];
  /** Names agents conventionally give the module object when its import is not visible (`jwt`). */
  conventionalObjects: readonly string[];
  /** Method called on the module object (`jwt.sign`), if any. */
  methods?: readonly string[];
  constructs?: boolean;
  argumentIndex: number;
  /** For an options object at `argumentIndex`: the properties that hold the credential (`session({ secret })`). */
  properties?: readonly string[];
  sink: Sink;
}

const MODULE_ITSELF = ["default", "*"];
const DOT = 46;

const LIBRARY_ARGUMENTS: readonly LibraryArgument[] = [
  {
    module: "jsonwebtoken",
    exports: ["sign", "verify"],
    conventionalCallees: [],
    conventionalObjects: ["jwt", "jsonwebtoken"],
    methods: ["sign", "verify"],
    argumentIndex: 1,
    sink: { kind: "JWT signing secret", envName: "JWT_SECRET", isPassword: false },
  },
  {
    module: "cookie-parser",
    exports: MODULE_ITSELF,
    conventionalCallees: ["cookieParser"],
    conventionalObjects: [],
    argumentIndex: 0,
    sink: { kind: "cookie signing secret", envName: "COOKIE_SECRET", isPassword: false },
  },
  {
    module: "crypto",
    exports: ["createHmac"],
    conventionalCallees: [],
    conventionalObjects: ["crypto"],
    methods: ["createHmac"],
    argumentIndex: 1,
    sink: { kind: "HMAC key", envName: "HMAC_SECRET", isPassword: false },
  },
  {
    module: "crypto",
    exports: ["createCipheriv", "createDecipheriv"],
    conventionalCallees: [],
    conventionalObjects: ["crypto"],
    methods: ["createCipheriv", "createDecipheriv"],
    argumentIndex: 1,
    sink: { kind: "encryption key", envName: "ENCRYPTION_KEY", isPassword: false },
  },
  {
    module: "crypto",
    exports: ["createSecretKey", "createPrivateKey"],
    conventionalCallees: ["createSecretKey", "createPrivateKey"],
    conventionalObjects: ["crypto"],
    methods: ["createSecretKey", "createPrivateKey"],
    argumentIndex: 0,
    sink: { kind: "key", envName: "SECRET_KEY", isPassword: false },
  },
  {
    module: "jose",
    exports: ["jwtVerify", "jwtDecrypt"],
    conventionalCallees: ["jwtVerify", "jwtDecrypt"],
    conventionalObjects: ["jose"],
    methods: ["jwtVerify", "jwtDecrypt"],
    argumentIndex: 1,
    sink: { kind: "JWT verification key", envName: "JWT_SECRET", isPassword: false },
  },
  {
    module: "twilio",
    exports: [...MODULE_ITSELF, "Twilio"],
    conventionalCallees: ["twilio", "Twilio"],
    conventionalObjects: ["twilio"],
    methods: ["Twilio"],
    argumentIndex: 1,
    sink: { kind: "Twilio auth token", envName: "TWILIO_AUTH_TOKEN", isPassword: false },
  },
  {
    module: "stripe",
    exports: [...MODULE_ITSELF, "Stripe"],
    conventionalCallees: ["Stripe"],
    conventionalObjects: [],
    argumentIndex: 0,
    sink: { kind: "Stripe secret key", envName: "STRIPE_SECRET_KEY", isPassword: false },
  },
  {
    module: "sequelize",
    exports: ["Sequelize", ...MODULE_ITSELF],
    conventionalCallees: ["Sequelize"],
    conventionalObjects: [],
    constructs: true,
    argumentIndex: 2,
    sink: { kind: "password", envName: "DB_PASSWORD", isPassword: true },
  },
];

const SESSION_SECRET: Sink = { kind: "session secret", envName: "SESSION_SECRET", isPassword: false };
const JWT_SECRET: Sink = { kind: "JWT secret", envName: "JWT_SECRET", isPassword: false };

/** Options objects whose credential properties only ever hold a key: `session({ secret })`. */
const LIBRARY_OPTIONS: readonly LibraryArgument[] = [
  { module: "express-session", exports: MODULE_ITSELF, conventionalCallees: ["session", "expressSession"], conventionalObjects: [], argumentIndex: 0, properties: ["secret"], sink: SESSION_SECRET },
  { module: "cookie-session", exports: MODULE_ITSELF, conventionalCallees: ["cookieSession"], conventionalObjects: [], argumentIndex: 0, properties: ["secret", "keys"], sink: SESSION_SECRET },
  { module: "express-jwt", exports: [...MODULE_ITSELF, "expressjwt"], conventionalCallees: ["expressjwt", "expressJwt"], conventionalObjects: [], argumentIndex: 0, properties: ["secret"], sink: JWT_SECRET },
  { module: "koa-jwt", exports: MODULE_ITSELF, conventionalCallees: ["koaJwt"], conventionalObjects: [], argumentIndex: 0, properties: ["secret"], sink: JWT_SECRET },
  { module: "passport-jwt", exports: ["Strategy"], conventionalCallees: ["JwtStrategy"], conventionalObjects: [], constructs: true, argumentIndex: 0, properties: ["secretOrKey"], sink: JWT_SECRET },
  { module: "@nestjs/jwt", exports: ["JwtModule"], conventionalCallees: [], conventionalObjects: ["JwtModule"], methods: ["register"], argumentIndex: 0, properties: ["secret", "privateKey"], sink: JWT_SECRET },
  { module: "next-auth", exports: MODULE_ITSELF, conventionalCallees: ["NextAuth"], conventionalObjects: [], argumentIndex: 0, properties: ["secret"], sink: { kind: "NextAuth secret", envName: "NEXTAUTH_SECRET", isPassword: false } },
];

/** `new SignJWT(claims).setProtectedHeader(…).sign(key)` (jose), `crypto.createSign("SHA256").update(data).sign(key)`. */
const CHAINED_SIGNERS: ReadonlySet<string> = new Set(["SignJWT", "EncryptJWT", "CompactSign", "FlattenedSign", "GeneralSign", "createSign"]);
const SIGNING_KEY: Sink = { kind: "signing key", envName: "SIGNING_KEY", isPassword: false };
const LDAP_PASSWORD: Sink = { kind: "LDAP bind password", envName: "LDAP_PASSWORD", isPassword: true };
const BASIC_AUTH_PASSWORD: Sink = { kind: "Basic auth password", envName: "BASIC_AUTH_PASSWORD", isPassword: true };

const LIBRARY_MODULES: ReadonlySet<string> = new Set([...LIBRARY_ARGUMENTS, ...LIBRARY_OPTIONS].map((library) => library.module));
// Also the modules `methodSink` asks the bindings about.
const KEY_LIBRARY_MODULES: ReadonlySet<string> = new Set([...LIBRARY_MODULES, "ldapjs", "superagent", "supertest"]);

// Every function, class or method name above, so most calls are ruled out by one Set lookup.
const LIBRARY_CALLEE_NAMES = new Set(
  [...LIBRARY_ARGUMENTS, ...LIBRARY_OPTIONS].flatMap((library) => [...library.conventionalCallees, ...(library.methods ?? []), ...library.exports]),
);

/** The credential property of a library options object: `secret` in `session({ secret: "…" })`. */
export function optionSink(call: TSESTree.CallExpression | TSESTree.NewExpression, argumentIndex: number, property: string, imports: FileImports): Sink | undefined {
  if (!mayBeLibraryCallee(call.callee, imports)) return undefined;
  for (const library of LIBRARY_OPTIONS) {
    if (library.argumentIndex !== argumentIndex || !library.properties?.includes(property)) continue;
    if (library.constructs && call.type !== AST_NODE_TYPES.NewExpression) continue;
    if (calleeIsFrom(call.callee, library, imports)) return library.sink;
  }
  return undefined;
}

/** Key positions on values the file made: a chained signer's `.sign(key)`, ldapjs `bind(dn, password)`, superagent `.auth(user, password)`. */
function methodSink(call: TSESTree.CallExpression | TSESTree.NewExpression, argumentIndex: number, imports: FileImports): Sink | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  if (method === "sign" && argumentIndex === 0) {
    const object = unwrap(callee.object);
    const start = object.type === AST_NODE_TYPES.Identifier ? (imports.constInitializer?.(object) ?? object) : object;
    const root = chainRootCallee(start);
    return root !== undefined && CHAINED_SIGNERS.has(root) ? SIGNING_KEY : undefined;
  }
  if (method === "bind" && argumentIndex === 1 && importsModule(imports, "ldapjs") && isDistinguishedName(call.arguments[0])) return LDAP_PASSWORD;
  if (method === "auth" && argumentIndex === 1 && isSuperagentChain(callee.object, imports)) return BASIC_AUTH_PASSWORD;
  return undefined;
}

/** The name of the call or `new` a member chain starts from: `createSign` in `crypto.createSign("x").update(d).sign`. */
function chainRootCallee(node: TSESTree.Node): string | undefined {
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(current.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type !== AST_NODE_TYPES.Identifier) current = unwrap(callee.object);
      else return lastSegmentName(callee);
    } else if (current.type === AST_NODE_TYPES.NewExpression) return lastSegmentName(current.callee);
    else return undefined;
  }
}

/** `request.get(url)` where `request` is superagent (or supertest's `request(app)`): the chain `.auth()` is called on. */
function isSuperagentChain(node: TSESTree.Node, imports: FileImports): boolean {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.CallExpression) {
    current = unwrap(current.type === AST_NODE_TYPES.MemberExpression ? current.object : current.callee);
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return false;
  const source = imports.bindings().get(current.name)?.source;
  return source !== undefined && (packageName(source) === "superagent" || packageName(source) === "supertest");
}

function importsModule(imports: FileImports, module: string): boolean {
  for (const binding of imports.bindings().values()) if (packageName(binding.source) === module) return true;
  return false;
}

/** `"cn=admin,dc=example,dc=org"`, or a template with one: the first argument of an LDAP bind. */
function isDistinguishedName(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const value = unwrap(node);
  const text = value.type === AST_NODE_TYPES.Literal ? String(value.value) : value.type === AST_NODE_TYPES.TemplateLiteral ? value.quasis.map((quasi) => quasi.value.raw).join("") : "";
  return /\b(?:cn|uid|dc|ou)=/i.test(text);
}

// Module and function names one of which a file with a key position contains; files without any (most of a
// code base) skip the key-position checks of short strings and the following of `const` aliases.
const KEY_POSITION_HINT =
  /jsonwebtoken|\bjose\b|createHmac|createCipheriv|createDecipheriv|createSecretKey|createPrivateKey|createSign|cookie-?[pP]arser|express-session|cookie-?[sS]ession|express-?jwt|expressjwt|koa-jwt|passport-jwt|@nestjs\/jwt|NextAuth|next-auth|ldapjs|superagent|supertest|twilio|[sS]tripe|[sS]equelize|\bjwt\.(?:sign|verify)/;

/** Whether the file can hold a key position at all (a cheap test before following `const` aliases). */
export function mayHaveKeyPositions(text: string): boolean {
  return KEY_POSITION_HINT.test(text);
}

/** The credential a library expects at this argument position, when the callee is that library. */
export function librarySink(call: TSESTree.CallExpression | TSESTree.NewExpression, argumentIndex: number, imports: FileImports): Sink | undefined {
  const onMethod = methodSink(call, argumentIndex, imports);
  if (onMethod) return onMethod;
  if (!mayBeLibraryCallee(call.callee, imports)) return undefined;
  for (const library of LIBRARY_ARGUMENTS) {
    if (library.argumentIndex !== argumentIndex) continue;
    if (library.constructs && call.type !== AST_NODE_TYPES.NewExpression) continue;
    if (calleeIsFrom(call.callee, library, imports)) return library.sink;
  }
  return undefined;
}

function mayBeLibraryCallee(callee: TSESTree.Node, imports: FileImports): boolean {
  if (callee.type === AST_NODE_TYPES.CallExpression) return true;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(callee);
    return method !== undefined && LIBRARY_CALLEE_NAMES.has(method);
  }
  // A local alias (`import { sign as signToken } from ...`) only shows in the file's bindings.
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  if (LIBRARY_CALLEE_NAMES.has(callee.name)) return true;
  if (!imports.mayImportKeyLibrary()) return false;
  const binding = imports.bindings().get(callee.name);
  return binding !== undefined && LIBRARY_MODULES.has(packageName(binding.source));
}

// The properties `optionSink` knows: `secret`, `keys`, `secretOrKey`, `privateKey`.
const OPTION_SINK_PROPERTIES: ReadonlySet<string> = new Set(LIBRARY_OPTIONS.flatMap((library) => library.properties ?? []));

/**
 * False for a string that is a property value which `optionSink` cannot take: the key is not a credential option of
 * any library, or the object is not passed to a call. True for strings that are no property value.
 */
export function mayBeKeyOption(node: TSESTree.StringLiteral | TSESTree.TemplateLiteral): boolean {
  const property = node.parent;
  if (property.type !== AST_NODE_TYPES.Property) return true;
  const key = propertyKeyName(property);
  return key !== undefined && OPTION_SINK_PROPERTIES.has(key) && property.parent.type === AST_NODE_TYPES.ObjectExpression && optionsCall(property.parent) !== undefined;
}

/** An options object and the call it is passed to. */
export interface OptionsCall {
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The argument the object is, or reaches the call through. */
  argument: TSESTree.Node;
}

/**
 * The call an options object is passed to, directly or as the fallback or one branch of the argument:
 * `session({ secret })`, `session(config.session || { secret: "…" })`, `cors(dev ? { … } : prod)`.
 */
export function optionsCall(object: TSESTree.ObjectExpression): OptionsCall | undefined {
  let argument: TSESTree.Node = object;
  let parent = object.parent;
  while (
    (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === argument) ||
    (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== argument) ||
    parent.type === AST_NODE_TYPES.TSAsExpression ||
    parent.type === AST_NODE_TYPES.TSSatisfiesExpression
  ) {
    argument = parent;
    parent = parent.parent;
  }
  return parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression ? { call: parent, argument } : undefined;
}

/**
 * Whether `node` is a module specifier (`import … from "m"`, `require("m")`, `import("m")`, `import x = require("m")`:
 * every place `collectModuleBindings` reads a source from) naming a library of the tables above.
 */
export function isKeyLibrarySpecifier(node: TSESTree.StringLiteral): boolean {
  const parent = node.parent;
  const isSpecifier =
    parent.type === AST_NODE_TYPES.ImportDeclaration ||
    parent.type === AST_NODE_TYPES.ImportExpression ||
    parent.type === AST_NODE_TYPES.TSExternalModuleReference ||
    (parent.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === "require");
  if (!isSpecifier) return false;
  const { value } = node;
  if (KEY_LIBRARY_MODULES.has(value)) return true;
  // Otherwise only a `node:` built-in or a subpath (`jsonwebtoken/sign`) can name one; a relative path never does.
  return value.charCodeAt(0) !== DOT && (value.startsWith("node:") || value.includes("/")) && KEY_LIBRARY_MODULES.has(specifierPackage(value));
}

/** `packageName` without splitting the whole specifier: "node:crypto" → "crypto", "@nestjs/jwt/dist" → "@nestjs/jwt". */
function specifierPackage(specifier: string): string {
  const bare = specifier.startsWith("node:") ? specifier.slice(5) : specifier;
  const slash = bare.indexOf("/");
  if (slash === -1) return bare;
  if (!bare.startsWith("@")) return bare.slice(0, slash);
  const second = bare.indexOf("/", slash + 1);
  return second === -1 ? bare : bare.slice(0, second);
}

function calleeIsFrom(callee: TSESTree.Node, library: LibraryArgument, imports: FileImports): boolean {
  // `require("twilio")(sid, token)`, `require("stripe")(key)`.
  if (callee.type === AST_NODE_TYPES.CallExpression) {
    const source = requiredModule(callee)?.source;
    return source !== undefined && packageName(source) === library.module && library.exports.includes("*");
  }
  if (callee.type === AST_NODE_TYPES.Identifier) {
    // Without a key library among the file's modules, a binding only ever rules a conventional name out.
    if (!imports.mayImportKeyLibrary()) return library.conventionalCallees.includes(callee.name) && !imports.bindings().has(callee.name);
    const binding = imports.bindings().get(callee.name);
    if (binding) return packageName(binding.source) === library.module && library.exports.includes(binding.imported);
    return library.conventionalCallees.includes(callee.name);
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    const method = memberName(callee);
    if (!method || !library.methods?.includes(method)) return false;
    if (!imports.mayImportKeyLibrary()) return library.conventionalObjects.includes(callee.object.name) && !imports.bindings().has(callee.object.name);
    const binding = imports.bindings().get(callee.object.name);
    if (binding) return packageName(binding.source) === library.module && (MODULE_ITSELF.includes(binding.imported) || library.exports.includes(binding.imported));
    return library.conventionalObjects.includes(callee.object.name);
  }
  return false;
}

