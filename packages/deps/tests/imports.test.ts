import { describe, expect, it } from "vitest";
import { extractImports, splitSpecifier } from "@vibeguard/deps";
import { makeProject } from "./support/project.js";

function extract(files: Record<string, string>) {
  const root = makeProject(files);
  return extractImports(root, Object.keys(files));
}

describe("import extraction", () => {
  it("reads imports, re-exports, require, import-equals and dynamic import with their names", () => {
    const { uses } = extract({
      "a.ts": [
        'import OpenAI, { toFile as tf } from "openai";',
        'import * as uuid from "uuid";',
        'import type { Options } from "acme-utils";',
        'export { parse } from "acme-utils";',
        'import fs = require("fs");',
        'const { v4 } = require("uuid");',
        'const mod = await import("plain-cjs");',
        'const name = require("plain-cjs").alpha;',
      ].join("\n"),
    });
    const summary = uses.map((u) => [u.specifier, u.kind, u.typeOnly, u.names.map((n) => n.name).join(",")]);
    expect(summary).toEqual([
      ["openai", "import", false, "toFile"],
      ["uuid", "import", false, ""],
      ["acme-utils", "import", true, "Options"],
      ["acme-utils", "re-export", false, "parse"],
      ["fs", "import-equals", false, ""],
      ["uuid", "require", false, "v4"],
      ["plain-cjs", "dynamic-import", false, ""],
      ["plain-cjs", "require", false, "alpha"],
    ]);
  });

  it("records members of namespaces, defaults, and instances of imported classes and factories", () => {
    const { uses } = extract({
      "b.ts": [
        'import OpenAI from "openai";',
        'import * as uuid from "uuid";',
        'const express = require("express");',
        "const client = new OpenAI();",
        "client.chat.completions.create({});",
        "uuid.v4();",
        "const app = express();",
        'app.listen(3000);',
        'express.static("public");',
      ].join("\n"),
    });
    const members = uses.flatMap((u) => u.members.map((m) => `${u.specifier}:${m.owner}${m.instance ? "#" : "."}${m.member}@${m.line}`));
    expect(members).toEqual(["openai:default#chat@5", "uuid:*.v4@6", "express:default#listen@8", "express:*.static@9"]);
  });

  it("does not confuse a local object of the same name with the import", () => {
    const { uses } = extract({
      "c.ts": [
        'import * as openai from "openai";',
        "function local() {",
        "  const openai = { createCompletion() {} };",
        "  openai.createCompletion();",
        "}",
        "openai.OpenAI;",
      ].join("\n"),
    });
    expect(uses[0]!.members.map((m) => m.member)).toEqual(["OpenAI"]);
  });

  it("reads JavaScript and TSX files", () => {
    const { uses } = extract({ "d.jsx": 'import { useHistory } from "react-router-dom";\nexport const A = () => <div />;', "e.cjs": 'const { get } = require("axios");' });
    expect(uses.map((u) => `${u.file}:${u.specifier}:${u.names[0]?.name}`)).toEqual(["d.jsx:react-router-dom:useHistory", "e.cjs:axios:get"]);
  });

  it("names a file that does not parse and keeps the imports it could read", () => {
    const { uses, diagnostics } = extract({ "f.ts": 'import { a } from "acme-utils";\nconst = ;\n' });
    expect(uses).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "parse-error", path: "f.ts" });
  });

  it("splits package names and subpaths", () => {
    expect(splitSpecifier("uuid/v4")).toEqual({ name: "uuid", subpath: "./v4" });
    expect(splitSpecifier("@firebase/app/dist/x")).toEqual({ name: "@firebase/app", subpath: "./dist/x" });
    expect(splitSpecifier("react")).toEqual({ name: "react", subpath: "." });
    expect(splitSpecifier("./local")).toBeUndefined();
    expect(splitSpecifier("node:fs")).toBeUndefined();
    expect(splitSpecifier("#internal")).toBeUndefined();
  });
});
