import { describe, expect, it } from "vitest";
import {
  catalog,
  readResults,
  ResultsFormatError,
  toJsonResults,
  toSarif,
  type Diagnostic,
  type Finding,
} from "@vibeguard/core";
import { validateWithMultitool } from "./sarif-multitool.js";

const tool = { name: "vibeguard", version: "0.1.0", informationUri: "https://github.com/vibeguard/vibeguard" };

const findings: Finding[] = [
  {
    ruleId: "no-string-built-sql",
    message: "SQL passed to pg client.query() is built with a template literal.",
    severity: "error",
    location: { path: "src/db/users.ts", startLine: 12, startColumn: 5, endLine: 12, endColumn: 60 },
    fingerprint: "0123456789abcdef0123456789abcdef",
  },
  {
    ruleId: "require-retry",
    message: "fetch() to an external API has no retry policy.",
    severity: "warning",
    location: { path: "src/services/weather client.ts", startLine: 3, startColumn: 1 },
    related: [{ path: "src/utils/retry.ts", startLine: 1, startColumn: 1, message: "existing retry helper" }],
    fingerprint: "fedcba9876543210fedcba9876543210",
    data: { library: "fetch" },
  },
];
const diagnostics: Diagnostic[] = [
  { engine: "eslint", kind: "parse-error", path: "src/broken.ts", line: 3, message: "src/broken.ts:3:1: could not parse: ';' expected." },
];

describe("SARIF writer", () => {
  const log = toSarif(findings, { tool, catalog, diagnostics, root: "/work/repo" });

  it("passes the SARIF Multitool's schema and GitHub ingestion validation with no errors", () => {
    const issues = validateWithMultitool(log);
    const errors = issues.filter((issue) => issue.level === "error");
    expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
  }, 120_000);

  it("(harness check) the validator does flag a rule descriptor without help", () => {
    const broken = structuredClone(log);
    delete broken.runs[0]!.tool.driver.rules![0]!.help;
    const issues = validateWithMultitool(broken);
    expect(issues.some((issue) => issue.ruleId === "GH2012" && issue.level === "error")).toBe(true);
  }, 120_000);

  it("takes rule descriptors from the catalog, with GitHub's security-severity and CWE tags", () => {
    const rules = log.runs[0]!.tool.driver.rules!;
    const sql = rules.find((rule) => rule.id === "no-string-built-sql")!;
    expect(sql.properties?.["security-severity"]).toBe("8.8");
    expect(sql.properties?.tags).toContain("external/cwe/cwe-89");
    expect(sql.fullDescription?.text).toBe(catalog.find((e) => e.id === "no-string-built-sql")!.description);
    expect(sql.helpUri).toMatch(/docs\/rules\/no-string-built-sql\.md$/);
  });

  it("carries fingerprints, related locations and diagnostics", () => {
    const [first, second] = log.runs[0]!.results!;
    expect(first!.partialFingerprints).toEqual({ "vibeguard/v1": findings[0]!.fingerprint });
    expect(second!.relatedLocations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe("src/utils/retry.ts");
    expect(second!.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe("src/services/weather%20client.ts");
    expect(log.runs[0]!.invocations?.[0]?.toolExecutionNotifications?.[0]?.message.text).toContain("src/broken.ts");
    expect(log.runs[0]!.originalUriBaseIds?.["%SRCROOT%"]?.uri).toBe("file:///work/repo/");
  });

  it("refuses findings of rules the catalog does not know", () => {
    expect(() => toSarif([{ ...findings[0]!, ruleId: "made-up" }], { tool, catalog })).toThrow(/made-up/);
  });
});

describe("results reader", () => {
  it("round-trips SARIF", () => {
    const text = JSON.stringify(toSarif(findings, { tool, catalog, diagnostics }));
    const read = readResults(text, "results.sarif");
    expect(read.format).toBe("sarif");
    expect(read.findings).toEqual(findings);
    expect(read.diagnostics).toEqual(diagnostics);
  });

  it("round-trips JSON", () => {
    const text = JSON.stringify(toJsonResults(findings, diagnostics, tool));
    const read = readResults(text, "results.json");
    expect(read).toEqual({ format: "json", findings, diagnostics });
  });

  it.each([
    ["not JSON", "{ nope", /results\.json: is not valid JSON/],
    ["neither format", '{"hello": 1}', /neither vibeguard JSON .* nor SARIF/],
    ["a finding without fingerprint", '{"findings":[{"ruleId":"x","message":"m","severity":"error","location":{"path":"a","startLine":1}}]}', /findings\[0\]\.fingerprint/],
    ["a bad severity", '{"findings":[{"ruleId":"x","message":"m","severity":"fatal","location":{"path":"a","startLine":1},"fingerprint":"f"}]}', /findings\[0\]\.severity/],
    ["SARIF 1.0", '{"version":"1.0.0","runs":[]}', /only 2\.1\.0/],
  ])("names the file and the problem for %s", (_label, text, message) => {
    expect(() => readResults(text, "results.json")).toThrow(ResultsFormatError);
    expect(() => readResults(text, "results.json")).toThrow(message);
  });
});
