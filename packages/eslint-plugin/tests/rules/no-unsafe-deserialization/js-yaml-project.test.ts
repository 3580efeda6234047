import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import rule from "../../../src/rules/no-unsafe-deserialization/index.js";
import { leadingMajor } from "../../../src/rules/no-unsafe-deserialization/js-yaml-version.js";

/** Real projects on disk: the js-yaml major comes from the installed package or the nearest package.json. */
const root = mkdtempSync(path.join(tmpdir(), "vibeguard-js-yaml-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const SOURCE = 'import yaml from "js-yaml";\nexport const read = (text) => yaml.load(text);\n';

function lint(filename: string): string[] {
  const linter = new Linter({ configType: "flat", cwd: root });
  const messages = linter.verify(SOURCE, [{ files: ["**/*.js"], plugins: { vibeguard: { rules: { "no-unsafe-deserialization": rule } } }, rules: { "vibeguard/no-unsafe-deserialization": "error" } }], filename);
  return messages.map((message) => message.message);
}

describe("no-unsafe-deserialization reads the project's js-yaml version", () => {
  it("reports load when the installed js-yaml is 3.x", () => {
    const dir = project("installed-v3", {
      "package.json": JSON.stringify({ dependencies: { "js-yaml": "^4.0.0" } }),
      "node_modules/js-yaml/package.json": JSON.stringify({ name: "js-yaml", version: "3.14.1" }),
    });
    expect(lint(path.join(dir, "src/config.js"))).toEqual([expect.stringContaining("of js-yaml 3 uses the default full schema")]);
  });

  it("reports load when package.json declares ^3 and nothing is installed", () => {
    const dir = project("declared-v3", { "package.json": JSON.stringify({ dependencies: { "js-yaml": "^3.13.1" } }) });
    expect(lint(path.join(dir, "lib/deep/loader.js"))).toEqual([expect.stringContaining("of js-yaml 3 uses the default full schema")]);
  });

  it("stays silent for js-yaml 4, declared or installed", () => {
    const declared = project("declared-v4", { "package.json": JSON.stringify({ devDependencies: { "js-yaml": "~4.1.0" } }) });
    const installed = project("installed-v4", { "node_modules/js-yaml/package.json": JSON.stringify({ version: "4.1.0" }), "package.json": "{}" });
    expect(lint(path.join(declared, "index.js"))).toEqual([]);
    expect(lint(path.join(installed, "index.js"))).toEqual([]);
  });

  it("stays silent when a broken package.json says nothing", () => {
    const dir = project("broken", { "package.json": "{ not json" });
    expect(lint(path.join(dir, "index.js"))).toEqual([]);
  });

  it("reads the lowest major of common range forms", () => {
    expect(["^3.14.1", "~4.1.0", "3.x", ">=3.13.1 <4", "4", "latest", "github:nodeca/js-yaml"].map(leadingMajor)).toEqual([3, 4, 3, 3, 4, undefined, undefined]);
  });
});
