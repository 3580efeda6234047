import { parse } from "@typescript-eslint/parser";
import { describe, expect, it } from "vitest";
import { collectModuleBindings, packageName } from "../../src/util/module-bindings.js";

const bindingsOf = (code: string) => Object.fromEntries(collectModuleBindings(parse(code, { sourceType: "module" }) as never));

describe("collectModuleBindings", () => {
  it("maps ESM imports: default, named with alias, namespace", () => {
    expect(bindingsOf(`import cors from "cors"; import { Pool as PgPool } from "pg"; import * as http from "node:http";`)).toEqual({
      cors: { source: "cors", imported: "default" },
      PgPool: { source: "pg", imported: "Pool" },
      http: { source: "node:http", imported: "*" },
    });
  });

  it("maps CommonJS requires: whole module, member, destructured with rename and default", () => {
    expect(bindingsOf(`const axios = require("axios"); const Pool = require("pg").Pool; const { Client: C, types = {} } = require("pg");`)).toEqual({
      axios: { source: "axios", imported: "*" },
      Pool: { source: "pg", imported: "Pool" },
      C: { source: "pg", imported: "Client" },
      types: { source: "pg", imported: "types" },
    });
  });

  it("finds dynamic imports and lazy requires inside functions, methods and arrow functions", () => {
    const code = `
      export async function load() { const { default: axios } = await import("axios"); }
      const lazy = () => { const got = require("got"); };
      class Repo { connect() { const mysql = require("mysql2/promise"); } }
      import pgModule = require("pg");`;
    expect(bindingsOf(code)).toEqual({
      axios: { source: "axios", imported: "default" },
      got: { source: "got", imported: "*" },
      mysql: { source: "mysql2/promise", imported: "*" },
      pgModule: { source: "pg", imported: "*" },
    });
  });

  it("ignores requires of computed names and keeps the first binding of a name", () => {
    expect(bindingsOf(`const x = require(name); const a = require("a"); function f() { const a = require("b"); }`)).toEqual({
      a: { source: "a", imported: "*" },
    });
  });
});

describe("collectModuleBindings per AST", () => {
  it("answers for the AST asked about, also when asks about two ASTs alternate", () => {
    const first = parse(`import axios from "axios";`, { sourceType: "module" }) as never;
    const second = parse(`const got = require("got");`, { sourceType: "module" }) as never;
    expect([...collectModuleBindings(first).keys()]).toEqual(["axios"]);
    expect([...collectModuleBindings(second).keys()]).toEqual(["got"]);
    expect([...collectModuleBindings(first).keys()]).toEqual(["axios"]);
    expect(collectModuleBindings(first)).toBe(collectModuleBindings(first));
  });
});

describe("packageName", () => {
  it.each([
    ["node:https", "https"],
    ["openai/resources/chat", "openai"],
    ["@aws-sdk/client-s3", "@aws-sdk/client-s3"],
    ["@fastify/cors/types", "@fastify/cors"],
  ])("%s → %s", (source, name) => expect(packageName(source)).toBe(name));
});
