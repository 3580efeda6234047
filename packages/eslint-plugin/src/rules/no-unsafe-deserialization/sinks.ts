import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, memberName, unwrap } from "../../util/ast.js";
import type { ModuleBinding } from "../../util/module-bindings.js";
import { findVariable } from "../../util/value-origin.js";
import { moduleCallOf } from "../../util/module-calls.js";

/** What a call does with its input, as far as this rule cares. */
export type Sink =
  | { kind: "evaluates"; callee: string; code: TSESTree.Node | undefined; codes?: readonly TSESTree.Node[] }
  | { kind: "timer"; callee: string; code: TSESTree.Node }
  | { kind: "sandbox"; callee: string; code: TSESTree.Node }
  | { kind: "deserializer"; callee: string; module: string; input: TSESTree.Node }
  | { kind: "yamlLoad"; callee: string; input: TSESTree.Node; options: TSESTree.Node | undefined; safeName: string | undefined }
  | { kind: "yamlUnsafeLoad"; callee: string; input: TSESTree.Node }
  | { kind: "v8"; callee: string; input: TSESTree.Node };

/** Every name a sink can be called by; other calls are dismissed before any lookup. */
export const CANDIDATE_NAMES: ReadonlySet<string> = new Set([
  "eval",
  "Function",
  "setTimeout",
  "setInterval",
  "runInThisContext",
  "runInNewContext",
  "runInContext",
  "compileFunction",
  "Script",
  "VMScript",
  "run",
  "unserialize",
  "deserialize",
  "deepDeserialize",
  "parse",
  "load",
  "loadAll",
  "unsafeLoad",
  "unsafeLoadAll",
]);

const GLOBAL_OBJECTS = new Set(["globalThis", "window", "global", "self"]);
const VM_RUNNERS = new Set(["runInThisContext", "runInNewContext", "runInContext", "compileFunction"]);
/** Unsafe deserializers: package → the export that rebuilds functions from its input. */
const DESERIALIZERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["node-serialize", new Set(["unserialize"])],
  ["serialize-to-js", new Set(["deserialize"])],
  ["funcster", new Set(["deepDeserialize"])],
  ["cryo", new Set(["parse"])],
]);
const VM2_SANDBOXES = new Set(["VM", "NodeVM"]);

/** Recognises the sinks of one file; module bindings are read once, on the first candidate that needs them. */
export class SinkMatcher {
  private readonly declaredNames = new Map<string, boolean>();
  /**
   * The module bindings as `moduleCallOf` reads them, collected only for a name some scope declares: every
   * binding is a declared variable (an import, `x = require(…)`, `x = await import(…)`), and `JSON.parse`,
   * the usual candidate, calls a global that none declares.
   */
  private readonly moduleBindings: Pick<ReadonlyMap<string, ModuleBinding>, "get"> = {
    get: (name) => (this.isDeclared(name) ? this.bindings().get(name) : undefined),
  };

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly bindings: () => ReadonlyMap<string, ModuleBinding>,
  ) {}

  /** Whether any scope of the file declares a variable called `name` (true when there is no scope analysis). */
  private isDeclared(name: string): boolean {
    let declared = this.declaredNames.get(name);
    if (declared === undefined) {
      const scopes = this.sourceCode.scopeManager?.scopes;
      declared = !scopes || scopes.some((scope) => (scope.set.get(name)?.defs.length ?? 0) > 0);
      this.declaredNames.set(name, declared);
    }
    return declared;
  }

  match(call: TSESTree.CallExpression | TSESTree.NewExpression, name: string): Sink | undefined {
    // Nothing is allocated until a sink is found: most candidates are `JSON.parse(...)` and timers given a function.
    if (hasSpreadArgument(call)) return undefined;
    const args = call.arguments as readonly TSESTree.Expression[];
    const first = args[0];

    if (name === "eval" && call.type === AST_NODE_TYPES.CallExpression && this.isGlobal(call.callee, "eval")) {
      return first ? { kind: "evaluates", callee: "`eval`", code: first } : undefined;
    }
    if (name === "Function" && this.isGlobal(call.callee, "Function")) {
      return args.length > 0 ? { kind: "evaluates", callee: "`new Function`", code: undefined, codes: args } : undefined;
    }
    if ((name === "setTimeout" || name === "setInterval") && call.type === AST_NODE_TYPES.CallExpression) {
      // A function given to a timer (the usual case) is never evaluated from text: no need to look further.
      if (!first || isFunction(first) || !this.isGlobal(call.callee, name)) return undefined;
      return { kind: "timer", callee: `\`${name}\``, code: first };
    }
    if (!first) return undefined;

    const target = moduleCallOf(call.callee, this.moduleBindings);
    if (target) {
      const { module, name: exported } = target;
      if (module === "vm" && (VM_RUNNERS.has(exported) || (exported === "Script" && call.type === AST_NODE_TYPES.NewExpression))) {
        return { kind: "evaluates", callee: this.calleeText(call), code: first };
      }
      if (module === "vm2" && exported === "VMScript") return { kind: "sandbox", callee: this.calleeText(call), code: first };
      if (DESERIALIZERS.get(module)?.has(exported)) return { kind: "deserializer", callee: this.calleeText(call), module, input: first };
      if (module === "js-yaml" && (exported === "load" || exported === "loadAll")) {
        const safeName = unwrap(call.callee).type === AST_NODE_TYPES.MemberExpression ? (exported === "load" ? "safeLoad" : "safeLoadAll") : undefined;
        return { kind: "yamlLoad", callee: this.calleeText(call), input: first, options: args[exported === "loadAll" ? 2 : 1], safeName };
      }
      if ((exported === "unsafeLoad" || exported === "unsafeLoadAll") && /yaml/i.test(module)) return { kind: "yamlUnsafeLoad", callee: this.calleeText(call), input: first };
      if (module === "v8" && exported === "deserialize") return { kind: "v8", callee: this.calleeText(call), input: first };
      return undefined;
    }
    if (name === "run" && call.type === AST_NODE_TYPES.CallExpression && this.isVm2Sandbox(call.callee)) {
      return { kind: "sandbox", callee: this.calleeText(call), code: first };
    }
    return undefined;
  }

  /** How messages name the callee: its source text in backticks. */
  private calleeText(call: TSESTree.CallExpression | TSESTree.NewExpression): string {
    return `\`${this.sourceCode.getText(call.callee)}\``;
  }

  /** `eval`, `globalThis.eval`, `window.eval`, `(0, eval)`, not shadowed by a local of that name. */
  private isGlobal(callee: TSESTree.Node, name: string): boolean {
    let target = unwrap(callee);
    if (target.type === AST_NODE_TYPES.SequenceExpression) target = unwrap(target.expressions.at(-1)!);
    if (target.type === AST_NODE_TYPES.MemberExpression) {
      const object = unwrap(target.object);
      if (memberName(target) !== name || object.type !== AST_NODE_TYPES.Identifier || !GLOBAL_OBJECTS.has(object.name)) return false;
      target = object;
    } else if (target.type !== AST_NODE_TYPES.Identifier || target.name !== name) {
      return false;
    }
    const variable = findVariable(this.sourceCode, target as TSESTree.Identifier);
    return !variable || variable.defs.length === 0;
  }

  /** `new VM(...).run`, or `sandbox.run` where `const sandbox = new NodeVM(...)`, with the class from vm2. */
  private isVm2Sandbox(callee: TSESTree.Node): boolean {
    const target = unwrap(callee);
    if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
    let receiver = unwrap(target.object);
    if (receiver.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(this.sourceCode, receiver);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.type !== "Variable" || !definition.node.init) return false;
      receiver = unwrap(definition.node.init);
    }
    if (receiver.type !== AST_NODE_TYPES.NewExpression) return false;
    const constructed = moduleCallOf(receiver.callee, this.moduleBindings);
    return constructed?.module === "vm2" && VM2_SANDBOXES.has(constructed.name);
  }
}

function hasSpreadArgument(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  for (const argument of call.arguments) if (argument.type === AST_NODE_TYPES.SpreadElement) return true;
  return false;
}
