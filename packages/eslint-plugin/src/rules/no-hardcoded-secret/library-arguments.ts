/**
 * Library arguments that are always credentials, whatever the variable passed is called:
 * the secret of `jwt.sign`, the key of `createHmac`, the auth token of `twilio(sid, token)`...
 * Libraries are recognised through the file's imports, or by their conventional local name when
 * the import is not visible.
 */
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { memberName } from "../../util/ast.js";
import { type ModuleBinding, packageName } from "../../util/module-bindings.js";


/** What the rule knows about the file's imports, computed on first use. */
export interface FileImports {
  /** Local names bound to modules. */
  bindings: () => ReadonlyMap<string, ModuleBinding>;
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
  sink: Sink;
}

const MODULE_ITSELF = ["default", "*"];

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

const LIBRARY_MODULES: ReadonlySet<string> = new Set(LIBRARY_ARGUMENTS.map((library) => library.module));

// Every function, class or method name above, so most calls are ruled out by one Set lookup.
const LIBRARY_CALLEE_NAMES = new Set(
  LIBRARY_ARGUMENTS.flatMap((library) => [...library.conventionalCallees, ...(library.methods ?? []), ...library.exports]),
);

/** The credential a library expects at this argument position, when the callee is that library. */
export function librarySink(call: TSESTree.CallExpression | TSESTree.NewExpression, argumentIndex: number, imports: FileImports): Sink | undefined {
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
  const binding = imports.bindings().get(callee.name);
  return binding !== undefined && LIBRARY_MODULES.has(packageName(binding.source));
}

function calleeIsFrom(callee: TSESTree.Node, library: LibraryArgument, imports: FileImports): boolean {
  // `require("twilio")(sid, token)`, `require("stripe")(key)`.
  if (callee.type === AST_NODE_TYPES.CallExpression) {
    const source = requiredSource(callee);
    return source !== undefined && packageName(source) === library.module && library.exports.includes("*");
  }
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const binding = imports.bindings().get(callee.name);
    if (binding) return packageName(binding.source) === library.module && library.exports.includes(binding.imported);
    return library.conventionalCallees.includes(callee.name);
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    const method = memberName(callee);
    if (!method || !library.methods?.includes(method)) return false;
    const binding = imports.bindings().get(callee.object.name);
    if (binding) return packageName(binding.source) === library.module && MODULE_ITSELF.includes(binding.imported);
    return library.conventionalObjects.includes(callee.object.name);
  }
  return false;
}

function requiredSource(call: TSESTree.CallExpression): string | undefined {
  const [argument] = call.arguments;
  if (call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== "require") return undefined;
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === "string" ? argument.value : undefined;
}

