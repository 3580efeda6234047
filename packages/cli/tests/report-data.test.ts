import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "@vibeguard/core";
import { buildReportData } from "../src/report/build-report.js";
import { reviewChecklist } from "../src/report/checklist.js";
import { rankHotspots } from "../src/report/hotspots.js";
import { riskScore } from "../src/report/risk-score.js";
import { renderHtml } from "../src/reporters/html/html-report.js";

const at = (file: string, line: number) => ({ path: file, startLine: line, startColumn: 1 });

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "vg-data-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe("risk score and grade", () => {
  const weight = () => 8;
  const err = (i: number): Finding => ({ ruleId: "x", message: "m", severity: "error", location: at("a.ts", i), fingerprint: `f${i}` });
  it("scores catalog weight × severity factor per thousand lines, with grade bounds A ≤ 1 … E above 15", () => {
    expect(riskScore([], 5000, weight)).toMatchObject({ perKloc: 0, grade: "A" });
    expect(riskScore([err(1)], 8000, weight)).toMatchObject({ points: 8, perKloc: 1, grade: "A" });
    expect(riskScore([err(1)], 4000, weight)).toMatchObject({ perKloc: 2, grade: "B" });
    expect(riskScore([err(1), err(2)], 2000, weight)).toMatchObject({ perKloc: 8, grade: "D" });
    expect(riskScore([err(1), { ...err(2), severity: "warning" }], 1000, weight)).toMatchObject({ points: 12, perKloc: 12, grade: "D" });
    expect(riskScore([err(1), err(2)], 1000, weight)).toMatchObject({ perKloc: 16, grade: "E" });
    // Under 1000 lines counts as one thousand.
    expect(riskScore([err(1)], 10, weight).perKloc).toBe(8);
  });
});

describe("hotspots and the checklist", () => {
  it("ranks a churned file above an equally risky quiet one and sums folders", () => {
    const spots = rankHotspots(
      [
        { path: "src/a/quiet.ts", findings: 1, points: 8 },
        { path: "src/b/busy.ts", findings: 1, points: 8 },
      ],
      new Map([["src/b/busy.ts", 20]]),
    );
    expect(spots.files.map((s) => s.path)).toEqual(["src/b/busy.ts", "src/a/quiet.ts"]);
    expect(spots.folders.find((f) => f.path === "src/")).toMatchObject({ findings: 2, points: 16, churn: 20 });
  });

  it("flags categories with findings, ticks checked ones without, and never ticks what did not run", () => {
    const items = reviewChecklist([{ ruleId: "no-hardcoded-secret", message: "", severity: "error", location: at("a.ts", 1), fingerprint: "s" }], new Set(["no-hardcoded-secret", "no-swallowed-error"]));
    expect(items.find((i) => i.category === "Secrets")).toMatchObject({ status: "flagged", findings: 1 });
    expect(items.find((i) => i.category === "Error handling")).toMatchObject({ status: "ok" });
    expect(items.find((i) => i.category === "Duplicated logic")).toMatchObject({ status: "not-checked" });
  });
});

describe("duplicates and dependency sections", () => {
  const root = project({
    "src/utils/date.ts": "export function formatDate(d) {\n  return d.toISOString().slice(0, 10);\n}\n",
    "src/orders/format.ts": "export function fmt(x) {\n  return x.toISOString().slice(0, 10);\n}\n",
  });
  const findings: Finding[] = [
    {
      ruleId: "no-duplicate-utility",
      message: "fmt duplicates formatDate in src/utils/date.ts",
      severity: "warning",
      location: at("src/orders/format.ts", 1),
      related: [{ ...at("src/utils/date.ts", 1), message: "existing utility" }],
      fingerprint: "d1",
      data: { similarity: 0.97 },
    },
    { ruleId: "no-version-mismatched-api", message: "OpenAIApi is not exported by openai@4.28.0", severity: "error", location: at("src/ai.ts", 3), fingerprint: "v1", data: { package: "openai", pinned: "4.28.0" } },
    { ruleId: "no-unknown-package", message: "left-padder does not exist", severity: "error", location: at("src/pad.ts", 1), fingerprint: "v2", data: { package: "left-padder" } },
    { ruleId: "no-version-mismatched-api", message: "Configuration is not exported by openai@4.28.0", severity: "error", location: at("src/ai.ts", 9), fingerprint: "v3", data: { package: "openai", pinned: "4.28.0" } },
  ];
  const result = { findings, diagnostics: [], filesScanned: 2, enginesRun: ["eslint", "analyzer", "deps"] as const, files: ["src/utils/date.ts", "src/orders/format.ts"] };

  it("shows each duplicate beside its canonical copy, and groups dependency findings by package", () => {
    const data = buildReportData({ root, version: "t", result: { ...result, enginesRun: [...result.enginesRun] } });
    expect(data.duplicates).toMatchObject({ ran: true, groups: [{ similarity: 0.97, canonical: { location: { path: "src/utils/date.ts" } } }] });
    expect(data.duplicates.groups[0]!.canonical.excerpt!.lines[0]).toBe("export function formatDate(d) {");
    expect(data.duplicates.groups[0]!.copy.excerpt!.lines[0]).toBe("export function fmt(x) {");
    expect(data.dependencies.packages.map((p) => [p.package, p.pinned, p.findings.length])).toEqual([
      ["openai", "4.28.0", 2],
      ["left-padder", undefined, 1],
    ]);
    const html = renderHtml(data);
    expect(html).toContain("canonical · src/utils/date.ts:1");
    expect(html).toContain("(97% similar)");
    expect(html).toMatch(/<h3 class="mono">openai <span class="muted">pinned 4\.28\.0<\/span><\/h3>/);
  });

  it('says "not run" for engines that did not run, and renders without them', () => {
    const data = buildReportData({ root, version: "t", result: { ...result, findings: [], enginesRun: ["eslint"] } });
    const html = renderHtml(data);
    expect(html).toContain("Not run: the analyzer engine did not run.");
    expect(html).toContain("Not run: the deps engine did not run.");
    expect(data.enginesNotRun).toEqual(["analyzer", "deps"]);
  });

  it("counts and lists suppressed findings, escaped, outside the score", () => {
    const suppressed: Finding[] = [
      { ruleId: "no-swallowed-error", message: "Empty catch <b>", severity: "error", location: at("src/a.ts", 4), fingerprint: "x1", suppression: { kind: "inSource", directive: "eslint-disable-next-line vibeguard/no-swallowed-error", justification: "best-effort <cleanup>" } },
    ];
    const data = buildReportData({ root, version: "t", result: { ...result, findings: [], suppressed, enginesRun: ["eslint"] } });
    expect(data.score.points).toBe(0);
    expect(data.suppressed).toEqual([{ ruleId: "no-swallowed-error", path: "src/a.ts", line: 4, message: "Empty catch <b>", justification: "best-effort <cleanup>" }]);
    const html = renderHtml(data);
    expect(html).toContain("Suppressed in source (1)");
    expect(html).toContain("Empty catch &lt;b&gt;</td><td class=\"muted\">best-effort &lt;cleanup&gt;");
  });

  it("never excerpts a line a secret finding points at, for any finding on it", () => {
    const secretRoot = project({ "src/config.ts": 'export const key = "sk_live_51AbCdEfGhIjKlMnOpQrStUv";\nexport const other = 1;\n' });
    const data = buildReportData({
      root: secretRoot,
      version: "t",
      result: {
        findings: [
          { ruleId: "no-hardcoded-secret", message: "Hardcoded Stripe key (sk_l…tUv)", severity: "error", location: at("src/config.ts", 1), fingerprint: "s1" },
          { ruleId: "require-retry", message: "other finding on the same line", severity: "warning", location: at("src/config.ts", 1), fingerprint: "s2" },
          { ruleId: "require-retry", message: "next line", severity: "warning", location: at("src/config.ts", 2), fingerprint: "s3" },
        ],
        diagnostics: [],
        filesScanned: 1,
        enginesRun: ["eslint"],
        files: ["src/config.ts"],
      },
    });
    expect(data.findings.map((f) => [f.excerptWithheld ?? false, f.excerpt?.lines[0]])).toEqual([
      [true, undefined],
      [true, undefined],
      [false, "export const other = 1;"],
    ]);
    expect(renderHtml(data)).not.toContain("sk_live_51AbCdEf");
  });
});
