import { parse } from "@typescript-eslint/parser";
import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import { visitorKeys } from "@typescript-eslint/visitor-keys";
import {
  functionName,
  isStatementList,
  isWithin,
  lastSegmentName,
  parentSkippingWrappers,
  propertyKeyName,
  someNodeInSameFunction,
  unwrapStatementExpression,
  walk,
} from "../../src/util/ast.js";

const program = (code: string) => parse(code, { ecmaFeatures: { jsx: true }, range: true }) as unknown as TSESTree.Program;

describe("walk", () => {
  it("visits in source order, through TypeScript and JSX nodes", () => {
    const names: string[] = [];
    walk(program("const a: Foo<Bar> = b(c, <d e={f} />);"), (node) => {
      if (node.type === "Identifier" || node.type === "JSXIdentifier") names.push(node.name);
    });
    expect(names).toEqual(["a", "Foo", "Bar", "b", "c", "d", "e", "f"]);
  });

  it("skips a node's children when visit returns false", () => {
    const names: string[] = [];
    walk(program("f(function g() { inner(); }); after();"), (node) => {
      if (node.type === "Identifier") names.push(node.name);
      return node.type !== "FunctionExpression";
    });
    expect(names).toEqual(["f", "after"]);
  });
});

describe("someNodeInSameFunction", () => {
  const body = (code: string) => (program(code).body[0] as TSESTree.FunctionDeclaration).body;
  const returnsSomething = (node: TSESTree.Node) => node.type === "ReturnStatement" && node.argument !== null;

  it("finds a node in the function's own body", () => {
    expect(someNodeInSameFunction(body("function f() { if (x) { return 1; } }"), returnsSomething)).toBe(true);
  });

  it("does not look inside nested functions", () => {
    expect(someNodeInSameFunction(body("function f() { items.map(() => { return 1; }); }"), returnsSomething)).toBe(false);
  });
});

/** Parses with `parent` links, as ESLint hands nodes to rules. */
function linked(code: string): TSESTree.Program {
  const root = program(code);
  walk(root, (node) => {
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === "object" && "type" in child) (child as { parent?: TSESTree.Node }).parent = node;
      }
    }
  });
  return root;
}

function first<T extends TSESTree.Node["type"]>(root: TSESTree.Node, type: T): Extract<TSESTree.Node, { type: T }> {
  let found: TSESTree.Node | undefined;
  walk(root, (node) => {
    if (!found && node.type === type) found = node;
    return !found;
  });
  if (!found) throw new Error(`no ${type}`);
  return found as Extract<TSESTree.Node, { type: T }>;
}

describe("functionName", () => {
  it.each([
    ["function load() {}", "FunctionDeclaration", "load"],
    ["const load = () => {};", "ArrowFunctionExpression", "load"],
    ["const load = (() => {}) as Loader;", "ArrowFunctionExpression", "load"],
    ["exports.tryLoad = function () {};", "FunctionExpression", "tryLoad"],
    ["const o = { 'try-load': () => {} };", "ArrowFunctionExpression", "try-load"],
    ["class A { load() {} }", "FunctionExpression", "load"],
    ["class A { #load = () => {} }", "ArrowFunctionExpression", "load"],
    ["const o = { [key]: () => {} };", "ArrowFunctionExpression", undefined],
    ["run(() => {});", "ArrowFunctionExpression", undefined],
  ] as const)("%s → %s", (code, type, name) => {
    expect(functionName(first(linked(code), type) as never)).toBe(name);
  });
});

describe("propertyKeyName and lastSegmentName", () => {
  it("reads static keys and refuses computed ones", () => {
    const object = first(linked("x = { a: 1, 'b-c': 2, 3: 3, [d]: 4, ['e']: 5 };"), "ObjectExpression");
    expect(object.properties.map((property) => propertyKeyName(property as TSESTree.Property))).toEqual(["a", "b-c", "3", undefined, "e"]);
  });

  it("names identifiers and the last member of a chain", () => {
    const calls = linked("f(); a.b.g(); (h as T)(); a[k](); make()();").body.map((statement) => (statement as TSESTree.ExpressionStatement).expression);
    expect(calls.map((call) => lastSegmentName((call as TSESTree.CallExpression).callee))).toEqual(["f", "g", "h", undefined, undefined]);
  });
});

describe("wrappers and statements", () => {
  it("parentSkippingWrappers climbs over casts and optional chains", () => {
    const root = linked("const x = (value as any)!;");
    const value = first(root, "TSAsExpression").expression;
    expect(parentSkippingWrappers(value)?.type).toBe("VariableDeclarator");
  });

  it("unwrapStatementExpression looks through await, yield and void", () => {
    const root = linked("async function* f() { await log.error(e); yield save(); void (send() as Promise<void>); }");
    const statements = first(root, "BlockStatement").body.map((statement) => unwrapStatementExpression((statement as TSESTree.ExpressionStatement).expression));
    expect(statements.map((node) => node.type)).toEqual(["CallExpression", "CallExpression", "CallExpression"]);
  });

  it("isStatementList and isWithin", () => {
    const root = linked("function f() { switch (x) { case 1: g(); } }");
    const call = first(root, "CallExpression");
    expect(isStatementList(call.parent!.parent!)).toBe(true);
    expect(isWithin(call, first(root, "SwitchStatement"))).toBe(true);
    expect(isWithin(first(root, "SwitchStatement"), call)).toBe(false);
  });
});
