import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { readResults } from "@vibeguard/core";
import { makeProject, runCli } from "./run-cli.js";

const SWALLOWED = `export async function load(read) {\n  try {\n    return await read();\n  } catch (err) {}\n}\n`;
const BOM = "\uFEFF";

describe("vibeguard scan: configuration files", () => {
  it("accepts a config file that starts with a UTF-8 byte-order mark", () => {
    for (const [name, text] of [
      ["vibeguard.config.json", `${BOM}{ "rules": { "no-swallowed-error": "off" } }`],
      ["vibeguard.config.ts", `${BOM}export default { rules: { "no-swallowed-error": "off" } };\n`],
      ["package.json", `${BOM}${JSON.stringify({ name: "app", vibeguard: { rules: { "no-swallowed-error": "off" } } })}`],
    ]) {
      const run = runCli(["scan"], makeProject({ "src/load.js": SWALLOWED, [name!]: text! }));
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
    }
  });

  it("names the line and column of a syntax error in a JSON or TypeScript config", () => {
    const json = runCli(["scan"], makeProject({ "src/a.js": SWALLOWED, "vibeguard.config.json": '{\n  "failOn": "error"\n  "format": "json"\n}\n' }));
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/cannot parse \S*vibeguard\.config\.json:3:3: Expected ',' or '}' after property value/);
    const truncated = runCli(["scan"], makeProject({ "src/a.js": SWALLOWED, "vibeguard.config.json": '{\n  "failOn": ' }));
    expect(truncated.stderr).toMatch(/vibeguard\.config\.json:2:13: Unexpected end of JSON input/);
    const ts = runCli(["scan"], makeProject({ "src/a.js": SWALLOWED, "vibeguard.config.ts": 'export default {\n  failOn: "error",,\n};\n' }));
    expect(ts.code).toBe(2);
    expect(ts.stderr).toMatch(/cannot load config file \S*vibeguard\.config\.ts:2:\d+: /);
  });

  it("reports a package.json that is not JSON and scans anyway, saying its config key is unavailable", () => {
    const root = makeProject({ "src/load.js": SWALLOWED, "package.json": '{ "name": "app", }' });
    const run = runCli(["scan", "--format", "json"], root);
    expect(run.code).toBe(1);
    const results = readResults(run.stdout, "stdout");
    expect(results.findings.map((f) => f.location.path)).toEqual(["src/load.js"]);
    expect(results.diagnostics).toEqual([
      expect.objectContaining({
        kind: "config",
        path: "package.json",
        message: expect.stringMatching(/^cannot parse package\.json:1:\d+: .*its "vibeguard" configuration key is unavailable/),
      }),
    ]);
    expect(run.stderr).toContain('its "vibeguard" configuration key is unavailable');
  });

  it("finds the config of the scanned project, not of the working directory", () => {
    const outer = makeProject({
      "work/vibeguard.config.json": '{ "rules": { "no-swallowed-error": "off" } }',
      "app/vibeguard.config.json": '{ "failOn": "never" }',
      "app/src/load.js": SWALLOWED,
    });
    const run = runCli(["scan", "../app", "--format", "json"], `${outer}/work`);
    expect(run.code).toBe(0);
    expect(readResults(run.stdout, "stdout").findings.map((f) => f.ruleId)).toEqual(["no-swallowed-error"]);
  });
});

const ROUTES = [
  'const express = require("express");',
  'const { requireAuth } = require("./auth");',
  "const app = express();",
  'app.post("/orders", requireAuth, (req, res) => res.json({}));',
  'app.delete("/orders/:id", requireAuth, (req, res) => res.json({}));',
  'app.post("/orders/export", (req, res) => res.json({ ok: true }));',
  "module.exports = app;",
  "",
].join("\n");
const AUTH = "module.exports = { requireAuth: (req, res, next) => next() };\n";
const scanRoutes = (config: string) => runCli(["scan", "--only", "eslint", "--format", "json"], makeProject({ "src/app.js": ROUTES, "src/auth.js": AUTH, "vibeguard.config.json": config }));

describe("vibeguard scan: rule options in the configuration", () => {
  it("passes [level, options] to the ESLint rule, as eslint.config.js would", () => {
    const without = scanRoutes('{ "rules": { "require-auth-middleware": "note" } }');
    expect(readResults(without.stdout, "stdout").findings.map((f) => [f.ruleId, f.severity, f.location.startLine])).toEqual([["require-auth-middleware", "note", 6]]);

    const withOptions = scanRoutes('{ "rules": { "require-auth-middleware": ["error", { "publicPaths": ["/orders/export"] }] } }');
    expect(withOptions.stderr).toBe("");
    expect(withOptions.code).toBe(0);
    expect(readResults(withOptions.stdout, "stdout").findings).toEqual([]);
  });

  it("rejects options the rule does not take before scanning, naming the file, the rule and the property", () => {
    const run = scanRoutes('{ "rules": { "require-auth-middleware": ["error", { "publicPath": ["/orders/export"] }] } }');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/invalid configuration in \S*vibeguard\.config\.json: the options of "rules\.require-auth-middleware" are not accepted: .*Unexpected property "publicPath"\. Expected properties: "publicPaths", "checkReads"/);
    expect(run.stderr).toContain("docs/rules/require-auth-middleware.md");
  });

  it("rejects a malformed setting and options on a check that is not an ESLint rule", () => {
    const bare = scanRoutes('{ "rules": { "require-auth-middleware": ["error"] } }');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/"rules\.require-auth-middleware" is \["error"\]/);
    const analyzer = scanRoutes('{ "rules": { "no-duplicate-utility": ["error", { "minTokens": 10 }] } }');
    expect(analyzer.code).toBe(2);
    expect(analyzer.stderr).toMatch(/no-duplicate-utility is checked by the analyzer engine, which takes its settings from command-line flags/);
  });
});

describe("vibeguard scan --changed in a repository with no commits", () => {
  it("treats every file as new instead of blaming a --base the user never gave", () => {
    const root = makeProject({ "src/load.js": SWALLOWED, ".gitignore": "ignored/\n", "ignored/x.js": SWALLOWED });
    execFileSync("git", ["init", "-q"], { cwd: root });
    const run = runCli(["scan", "--changed", "--format", "json"], root);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(readResults(run.stdout, "stdout").findings.map((f) => f.location.path)).toEqual(["src/load.js"]);
    const named = runCli(["scan", "--changed", "--base", "main"], root);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain("--base main is not a commit: this repository has no commits yet");
  });
});
