import { describe, expect, it } from "vitest";
import { readResults, type Finding } from "@vibeguard/core";
import { makeProject, runCli } from "./run-cli.js";

const SWALLOW = "try { work(); } catch (err) {}\n";
const SECRET = 'const stripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";\n';

const scanJson = (root: string, args: string[] = []) => {
  const run = runCli(["scan", "--format", "json", "--fail-on", "never", ...args], root);
  expect(run.code).toBe(0);
  const parsed = JSON.parse(run.stdout) as { suppressed?: Finding[] };
  return { ...readResults(run.stdout, "stdout"), suppressed: parsed.suppressed ?? [], stderr: run.stderr };
};
const where = (findings: readonly Finding[]) => findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.ruleId}`).sort();

describe("eslint engine: parsing files the way Node runs them", () => {
  it("parses sloppy-mode CommonJS (octal escapes, with, interface as a name) as a script", () => {
    const sloppy = `var banner = "\\251 2024";\nwith (Math) { var r = cos(0); }\nvar interface = 1;\n${SWALLOW}module.exports = r;\n`;
    const root = makeProject({
      "plain/legacy.js": sloppy,
      "typed/package.json": JSON.stringify({ type: "commonjs" }),
      "typed/legacy.js": sloppy,
      "esm/package.json": JSON.stringify({ type: "module" }),
      "esm/legacy.js": sloppy,
      "esm/old.cjs": sloppy,
      "esm/modern.js": `import fs from "node:fs";\n${SWALLOW}export default fs;\n`,
      "plain/modern.js": `import fs from "node:fs";\n${SWALLOW}export default fs;\n`,
    });
    const results = scanJson(root);
    expect(results.diagnostics).toEqual([]);
    expect(where(results.findings)).toEqual([
      "esm/legacy.js:4 no-swallowed-error",
      "esm/modern.js:2 no-swallowed-error",
      "esm/old.cjs:4 no-swallowed-error",
      "plain/legacy.js:4 no-swallowed-error",
      "plain/modern.js:2 no-swallowed-error",
      "typed/legacy.js:4 no-swallowed-error",
    ]);
  });

  it("does not count eslint-env or a repeated rule comment as a parse failure", () => {
    const root = makeProject({
      "src/env.js": `/* eslint-env node, browser */\n${SWALLOW}`,
      "src/twice.js": `/* eslint vibeguard/require-retry: "off" */\n/* eslint vibeguard/require-retry: "off" */\n${SWALLOW}`,
    });
    const results = scanJson(root);
    expect(results.diagnostics).toEqual([]);
    expect(where(results.findings)).toEqual(["src/env.js:2 no-swallowed-error", "src/twice.js:3 no-swallowed-error"]);
  });

  it("gives a parse failure a position or none, never undefined", () => {
    // Deep enough to overflow typescript-eslint's parser, which then gives no position at all.
    const deep = `const x =\n${"(\n".repeat(20_000)}1\n${")\n".repeat(20_000)};\n`;
    const root = makeProject({ "src/deep.ts": deep, "src/broken.js": "const = ;\n", "src/ok.js": SWALLOW });
    const results = scanJson(root);
    const messages = results.diagnostics.map((d) => d.message);
    expect(messages.join("\n")).not.toMatch(/undefined|:0\b/);
    expect(messages).toContainEqual(expect.stringMatching(/^src\/deep\.ts: could not parse: /));
    expect(messages).toContainEqual(expect.stringMatching(/^src\/broken\.js:1:7: could not parse/));
    expect(where(results.findings)).toEqual(["src/ok.js:1 no-swallowed-error"]);
  });
});

describe("eslint engine: disable directives in vibeguard scan", () => {
  it("does not let a blanket eslint-disable turn vibeguard's checks off", () => {
    const root = makeProject({
      "vendor-like/generated.js": `/* eslint-disable */\n${SECRET}${SWALLOW}`,
      "src/line.js": `${SECRET.trimEnd()} // eslint-disable-line\n`,
      "src/next.js": `// eslint-disable-next-line no-console\n${SECRET}`,
    });
    const results = scanJson(root);
    expect(where(results.findings)).toEqual([
      "src/line.js:1 no-hardcoded-secret",
      "src/next.js:2 no-hardcoded-secret",
      "vendor-like/generated.js:2 no-hardcoded-secret",
      "vendor-like/generated.js:3 no-swallowed-error",
    ]);
    expect(results.suppressed).toEqual([]);
  });

  it("honours directives that name a vibeguard rule, and lists what they suppressed", () => {
    const root = makeProject({
      "src/fixture.js": [
        "// eslint-disable-next-line vibeguard/no-hardcoded-secret -- rotated test key",
        SECRET.trimEnd(),
        "/* eslint-disable vibeguard/no-hardcoded-secret */",
        SECRET.trimEnd().replace("stripeKey", "blockKey"),
        "/* eslint-enable */",
        SWALLOW.trimEnd(),
        `${SECRET.trimEnd().replace("stripeKey", "otherKey")} // eslint-disable-line vibeguard/no-swallowed-error`,
      ].join("\n"),
    });
    const results = scanJson(root);
    expect(results.diagnostics).toEqual([]);
    expect(where(results.findings)).toEqual(["src/fixture.js:6 no-swallowed-error", "src/fixture.js:7 no-hardcoded-secret"]);
    expect(results.suppressed.map((f) => [f.location.startLine, f.ruleId, f.suppression])).toEqual([
      [2, "no-hardcoded-secret", { kind: "inSource", directive: "eslint-disable-next-line vibeguard/no-hardcoded-secret", justification: "rotated test key" }],
      [4, "no-hardcoded-secret", { kind: "inSource", directive: "eslint-disable vibeguard/no-hardcoded-secret" }],
    ]);
    const sarif = JSON.parse(runCli(["scan", "--format", "sarif", "--fail-on", "never"], root).stdout);
    const suppressions = sarif.runs[0].results.filter((r: { suppressions?: unknown[] }) => r.suppressions).map((r: { suppressions: unknown[] }) => r.suppressions[0]);
    expect(suppressions).toEqual([
      { kind: "inSource", status: "accepted", justification: "rotated test key", properties: { directive: "eslint-disable-next-line vibeguard/no-hardcoded-secret" } },
      { kind: "inSource", status: "accepted", properties: { directive: "eslint-disable vibeguard/no-hardcoded-secret" } },
    ]);
    expect(runCli(["scan"], root).stdout).toContain("2 finding(s) suppressed by comments naming vibeguard rules");
  });
});
