import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { memberName, unwrap } from "../../util/ast.js";
import { type ModuleBinding, requiredModule } from "../../util/module-bindings.js";
import { type AnalysisContext, findProperty, resolveObjectLiteral } from "./ast.js";
import { type CorsLibrary, FASTIFY_PLUGIN_MODULES, MIDDLEWARE_MODULES, NEST_ENABLE_CORS, NEST_FACTORY_CORS, SOCKET_IO_CORS } from "./cors-libraries.js";

type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;

/** Where an allow-list can be added when no options were passed. */
export type AddOptionsTarget =
  /** `cors()` → `cors({...})`; `fastify.register(cors)` → `fastify.register(cors, {...})`. */
  | { kind: "argument"; call: CallLike; asExtraArgument: boolean }
  /** `{ cors: true }` → `{ cors: {...} }`. */
  | { kind: "replace"; node: TSESTree.Node };

/** One place where a CORS library is configured. */
export interface CorsSite {
  library: CorsLibrary;
  /** The options expression, or undefined when none was passed and the library's defaults apply. */
  options: TSESTree.Node | undefined;
  /** Where a finding about the library's defaults is reported. */
  node: TSESTree.Node;
  addOptions?: AddOptionsTarget;
}

export type CorsSiteRecognizer = (node: CallLike) => CorsSite | undefined;

const WHOLE_MODULE = new Set(["default", "*"]);
const NEST_SCOPE = "@nestjs/";
const FASTIFY_PLUGIN_EXPORTS = new Set(["default", "*", "fastifyCors"]);

/**
 * Builds a recognizer for the CORS configuration calls of one file, from its imports:
 * `cors(options)` (cors, @koa/cors, kcors, hono/cors), `fastify.register(cors, options)`,
 * Nest's `app.enableCors(options)` and `NestFactory.create(Module, { cors })`, and socket.io's
 * `new Server(http, { cors })`. Every check before a match is a Set/Map lookup on the callee.
 */
export function createCorsSiteRecognizer(context: AnalysisContext, bindings: ReadonlyMap<string, ModuleBinding>): CorsSiteRecognizer {
  const middlewareFactories = new Map<string, CorsLibrary>();
  const fastifyPlugins = new Map<string, CorsLibrary>();
  const socketServerClasses = new Set<string>();
  const socketModules = new Set<string>();
  const nestFactories = new Set<string>();
  let usesNest = false;

  for (const [localName, binding] of bindings) {
    const middleware = MIDDLEWARE_MODULES.get(binding.source);
    if (middleware?.exports.has(binding.imported)) middlewareFactories.set(localName, middleware.library);
    const plugin = FASTIFY_PLUGIN_MODULES.get(binding.source);
    if (plugin && FASTIFY_PLUGIN_EXPORTS.has(binding.imported)) fastifyPlugins.set(localName, plugin);
    if (binding.source === "socket.io") {
      if (binding.imported === "Server") socketServerClasses.add(localName);
      else if (WHOLE_MODULE.has(binding.imported)) socketModules.add(localName);
    }
    if (binding.source.startsWith(NEST_SCOPE)) usesNest = true;
    if (binding.source === "@nestjs/core" && binding.imported === "NestFactory") nestFactories.add(localName);
  }

  /** `{ cors: true }` uses the defaults; `{ cors: {...} }` passes options; `{ cors: false }` disables CORS. */
  const corsOptionSite = (container: TSESTree.ObjectExpression | undefined, library: CorsLibrary): CorsSite | undefined => {
    const property = container && findProperty(container, "cors");
    if (!property) return undefined;
    const value = unwrap(property.value);
    if (value.type === AST_NODE_TYPES.Literal) {
      return value.value === true ? { library, options: undefined, node: property, addOptions: { kind: "replace", node: value } } : undefined;
    }
    return { library, options: property.value, node: property };
  };

  const firstCorsOptionSite = (args: readonly TSESTree.CallExpressionArgument[], library: CorsLibrary): CorsSite | undefined => {
    for (const argument of args) {
      if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
      const site = corsOptionSite(resolveObjectLiteral(context, argument), library);
      if (site) return site;
    }
    return undefined;
  };

  /** `cors()`, `cors(options)`, `app.enableCors()`: the options are the call's `index`-th argument. */
  const optionsArgumentSite = (call: CallLike, library: CorsLibrary, index: number): CorsSite | undefined => {
    const options = call.arguments[index];
    if (options?.type === AST_NODE_TYPES.SpreadElement) return undefined;
    if (options) return { library, options, node: call };
    if (call.arguments.length !== index) return undefined;
    return { library, options: undefined, node: call, addOptions: { kind: "argument", call, asExtraArgument: index > 0 } };
  };

  const fastifyPluginLibrary = (plugin: TSESTree.Node | undefined): CorsLibrary | undefined => {
    if (!plugin || plugin.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const expression = unwrap(plugin);
    if (expression.type === AST_NODE_TYPES.Identifier) return fastifyPlugins.get(expression.name);
    // fastify.register(require("@fastify/cors")) and fastify.register(import("@fastify/cors"))
    const inline = requiredModule(expression as TSESTree.Expression);
    return inline && !inline.member ? FASTIFY_PLUGIN_MODULES.get(inline.source) : undefined;
  };

  const inlineRequire = (callee: TSESTree.CallExpression): string | undefined => {
    const required = requiredModule(callee);
    return required && !required.member ? required.source : undefined;
  };

  return (node) => {
    const callee = unwrap(node.callee);

    if (node.type === AST_NODE_TYPES.NewExpression) {
      const isSocketServer =
        (callee.type === AST_NODE_TYPES.Identifier && socketServerClasses.has(callee.name)) ||
        (callee.type === AST_NODE_TYPES.MemberExpression &&
          memberName(callee) === "Server" &&
          callee.object.type === AST_NODE_TYPES.Identifier &&
          socketModules.has(callee.object.name));
      return isSocketServer ? firstCorsOptionSite(node.arguments, SOCKET_IO_CORS) : undefined;
    }

    if (callee.type === AST_NODE_TYPES.Identifier) {
      const library = middlewareFactories.get(callee.name);
      if (library) return optionsArgumentSite(node, library, 0);
      return socketModules.has(callee.name) ? firstCorsOptionSite(node.arguments, SOCKET_IO_CORS) : undefined;
    }

    if (callee.type === AST_NODE_TYPES.CallExpression) {
      // require("cors")(options), require("socket.io")(server, { cors })
      const source = inlineRequire(callee);
      const middleware = source === undefined ? undefined : MIDDLEWARE_MODULES.get(source);
      if (middleware?.exports.has("*")) return optionsArgumentSite(node, middleware.library, 0);
      return source === "socket.io" ? firstCorsOptionSite(node.arguments, SOCKET_IO_CORS) : undefined;
    }

    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    switch (memberName(callee)) {
      case "register": {
        const library = fastifyPluginLibrary(node.arguments[0]);
        return library ? optionsArgumentSite(node, library, 1) : undefined;
      }
      case "enableCors":
        // this.enableCors() is Nest's own implementation forwarding `{ cors: true }`, not app configuration.
        if (callee.object.type === AST_NODE_TYPES.ThisExpression) return undefined;
        return isNestEnableCors(context, callee, usesNest) ? optionsArgumentSite(node, NEST_ENABLE_CORS, 0) : undefined;
      case "create":
        return callee.object.type === AST_NODE_TYPES.Identifier && nestFactories.has(callee.object.name)
          ? firstCorsOptionSite(node.arguments.slice(1), NEST_FACTORY_CORS)
          : undefined;
      default:
        return undefined;
    }
  };
}

/**
 * Whether `x.enableCors` is Nest's. Without types, any receiver in a file that imports from
 * `@nestjs/*` is. With types, the packages declaring the method decide when they are known: an
 * `INestApplication` or `NestExpressApplication` from any file is Nest's, an `enableCors` declared
 * by another package is not. A method of the project's own code, or an unknown type, keeps the
 * untyped answer.
 */
function isNestEnableCors(context: AnalysisContext, callee: TSESTree.MemberExpression, usesNest: boolean): boolean {
  const packages = context.types?.memberDeclaringPackages(callee);
  if (!packages) return usesNest;
  const fromNest = packages.filter((name) => name.startsWith(NEST_SCOPE)).length;
  if (fromNest === packages.length) return true;
  return fromNest === 0 ? false : usesNest;
}
