import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { originOfSymbol, packageOfQualifiedName } from "../../src/util/type-origin.js";

describe("packageOfQualifiedName", () => {
  it.each([
    ['"@nestjs/common".INestApplication.enableCors', "@nestjs/common"],
    ['"/app/node_modules/.pnpm/x@1/node_modules/@nestjs/common/interfaces/app".INestApplication', "@nestjs/common"],
    ['"/app/node_modules/@types/cors/index".CorsOptions', "cors"],
    ['"/app/node_modules/@types/scope__name/index".Thing', "@scope/name"],
    ['"C:\\app\\node_modules\\pg\\lib\\index".Pool', "pg"],
    ['"winston"', "winston"],
  ])("%s is from %s", (qualified, expected) => {
    expect(packageOfQualifiedName(qualified)).toBe(expected);
  });

  it.each(['"/app/src/server".App', '"./local".X', '"C:/app/src/x".Y', "__type.enableCors", "Console", '"unterminated'])(
    "%s is from no package",
    (qualified) => {
      expect(packageOfQualifiedName(qualified)).toBeUndefined();
    },
  );
});

describe("originOfSymbol, on a real TypeScript program", () => {
  let dir: string;
  let program: ts.Program;
  let checker: ts.TypeChecker;
  const files: Record<string, string> = {
    "node_modules/@types/bunyan/index.d.ts": "declare namespace Bunyan { interface Logger { error(o: object): void } }\ndeclare const Bunyan: { createLogger(): Bunyan.Logger };\nexport = Bunyan;\n",
    "node_modules/@types/bunyan/package.json": '{ "name": "@types/bunyan", "types": "index.d.ts" }',
    "node_modules/@nestjs/common/index.d.ts": "export declare class Logger { error(message: unknown): void }\n",
    "node_modules/@nestjs/common/package.json": '{ "name": "@nestjs/common", "types": "index.d.ts" }',
    "ambient.d.ts": 'declare module "acme-toasts" { export interface Toasts { error(message: string): void } }\n',
    "src/main.ts": [
      'import type * as Bunyan from "bunyan";',
      'import type { Logger } from "@nestjs/common";',
      'import type { Toasts } from "acme-toasts";',
      "interface Local { x: number }",
      "declare const b: Bunyan.Logger;",
      "declare const n: Logger;",
      "declare const t: Toasts;",
      "declare const l: Local;",
      "declare const c: Console;",
      "declare const e: Error;",
      "export {};",
    ].join("\n"),
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "vibeguard-type-origin-"));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    program = ts.createProgram([join(dir, "src/main.ts"), join(dir, "ambient.d.ts")], {
      strict: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: [],
      noEmit: true,
    });
    checker = program.getTypeChecker();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The origin of the declared type of the `declare const <name>` in src/main.ts. */
  function originOfVariable(name: string) {
    const source = program.getSourceFile(join(dir, "src/main.ts"))!;
    let found: ts.Identifier | undefined;
    const visit = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) found = node.name;
      ts.forEachChild(node, visit);
    };
    visit(source);
    const type = checker.getTypeAtLocation(found!);
    const symbol = type.aliasSymbol ?? type.getSymbol();
    return originOfSymbol(program, checker, symbol!);
  }

  it("finds the package of an `export =` module's member through its declaration file", () => {
    expect(originOfVariable("b")).toEqual({ module: "bunyan", name: "Logger", global: false });
  });

  it("reads a package's own declaration", () => {
    expect(originOfVariable("n")).toEqual({ module: "@nestjs/common", name: "Logger", global: false });
  });

  it("names the `declare module` block of an ambient declaration", () => {
    expect(originOfVariable("t")).toEqual({ module: "acme-toasts", name: "Toasts", global: false });
  });

  it("gives the project's own types no package", () => {
    expect(originOfVariable("l")).toMatchObject({ module: undefined, name: "Local", global: false });
  });

  it("marks the default library's top-level types as global", () => {
    expect(originOfVariable("c")).toEqual({ module: undefined, name: "Console", global: true });
    expect(originOfVariable("e")).toEqual({ module: undefined, name: "Error", global: true });
  });
});
