import { parse } from "@typescript-eslint/parser";
import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import { someNodeInSameFunction, walk } from "../../src/util/ast.js";

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
