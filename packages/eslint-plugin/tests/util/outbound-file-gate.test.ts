import { parse } from "@typescript-eslint/parser";
import { describe, expect, it } from "vitest";
import { collectModuleBindings } from "../../src/util/module-bindings.js";
import { mentionsFetchToken } from "../../src/util/outbound/fetch-token.js";
import {
  collectLibraryRoles,
  loadsOutboundModuleInline,
  mayNameModuleOrFetch,
  namesOutboundModule,
  OUTBOUND_PACKAGE_PREFIXES,
  OUTBOUND_PACKAGES,
} from "../../src/util/outbound/libraries.js";

const rolesOf = (source: string) => collectLibraryRoles(collectModuleBindings(parse(source, { sourceType: "module" }) as never));

/** Import forms that give a package's names a role, whichever export the package's role is tied to. */
const importForms = (pkg: string) => [
  `import lib from "${pkg}";`,
  `import * as lib from "${pkg}";`,
  `const lib = require('${pkg}');`,
  ...["OpenAI", "Anthropic", "Stripe", "Octokit", "S3Client", "generateText", "retry", "fetch"].map(
    (name) => `import { ${name} as lib } from "${pkg}";`,
  ),
];

describe("the outbound rules' file gate", () => {
  const packages = [...OUTBOUND_PACKAGES, ...OUTBOUND_PACKAGE_PREFIXES.map((prefix) => `${prefix}rest`)];

  it("lists only packages that can get a role, so the table and roleOfBinding agree", () => {
    for (const pkg of packages) {
      const withRole = importForms(pkg).filter((source) => rolesOf(source).size > 0);
      expect(withRole, pkg).not.toEqual([]);
    }
  });

  it("keeps every file whose imports can give a name a role (quotes, node: prefix, subpaths)", () => {
    for (const pkg of packages) {
      for (const source of importForms(pkg)) {
        if (rolesOf(source).size === 0) continue;
        expect(namesOutboundModule(source), source).toBe(true);
      }
      expect(namesOutboundModule(`import lib from "node:${pkg}";`), pkg).toBe(true);
      expect(namesOutboundModule(`import lib from '${pkg}/sub/path';`), pkg).toBe(true);
    }
  });

  it("gives no role to a module the table does not name", () => {
    expect(rolesOf(`import axios from "axioss"; import got from "@scope/got"; const ky = require("sky");`).size).toBe(0);
    expect(namesOutboundModule(`import axios from "axioss"; import got from "@scope/got"; const ky = require("sky");`)).toBe(false);
  });

  it("tells an inline load of such a module", () => {
    expect(loadsOutboundModuleInline(`const stripe = require("stripe")(process.env.KEY);`)).toBe(true);
    expect(loadsOutboundModuleInline(`import Stripe from "stripe";`)).toBe(false);
  });
});

describe("mayNameModuleOrFetch, the one scan before the others", () => {
  it("passes every text that names an outbound module or mentions fetch, so it skips no file the two tests keep", () => {
    const texts = [
      ...OUTBOUND_PACKAGES.flatMap((pkg) => [`import lib from "${pkg}";`, `const lib = require('node:${pkg}/sub');`, `await import(\`${pkg}\`)`]),
      ...OUTBOUND_PACKAGE_PREFIXES.map((prefix) => `import { Octokit } from "${prefix}rest";`),
      "fetch(url)",
      `window["fetch"](url)`,
      "globalThis.fetch(url)",
      `const stripe = require("stripe")(process.env.KEY);`,
    ];
    for (const text of texts) {
      expect(namesOutboundModule(text) || mentionsFetchToken(text), text).toBe(true);
      expect(mayNameModuleOrFetch(text), text).toBe(true);
    }
  });

  it("skips a text that neither names such a module nor contains fetch", () => {
    for (const text of [`import React from "react"; const x = axiosLike(url);`, `import got from "@scope/got";`, `const http = "http is a protocol";`]) {
      expect(namesOutboundModule(text) || mentionsFetchToken(text), text).toBe(false);
      expect(mayNameModuleOrFetch(text), text).toBe(false);
    }
  });
});

describe("mentionsFetchToken", () => {
  it("finds fetch as a whole name, property or string", () => {
    for (const text of ["fetch(url)", "await fetch (url)", "globalThis.fetch(url)", `window["fetch"](url)`, "x = fetch", "fetch", "é fetch!", "(fetch)"]) {
      expect(mentionsFetchToken(text), text).toBe(true);
    }
  });

  it("ignores fetch inside longer names", () => {
    for (const text of ["prefetch(url)", "fetchState()", "options.fetch_types", "$fetch(url)", "fetch$()", "refetch2", "fetcher"]) {
      expect(mentionsFetchToken(text), text).toBe(false);
    }
    expect(mentionsFetchToken("prefetch(); fetchAll(); fetch(url)")).toBe(true);
  });
});
