import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "@vibeguard/core";
import { buildReportData } from "../src/report/build-report.js";
import { GITHUB_COMMENT_LIMIT, markdownCell, renderMarkdown } from "../src/reporters/markdown.js";

function finding(i: number, message: string): Finding {
  return {
    ruleId: i % 3 ? "no-swallowed-error" : "require-retry",
    message,
    severity: i % 3 ? "error" : "warning",
    location: { path: `src/module-${i % 40}/file-${i}.ts`, startLine: i + 1, startColumn: 3 },
    fingerprint: `fp${i}`,
  };
}

function data(findings: Finding[]) {
  const root = mkdtempSync(path.join(tmpdir(), "vg-md-"));
  return buildReportData({
    root,
    version: "0.0.0-test",
    result: { findings, diagnostics: [], filesScanned: 400, enginesRun: ["eslint"], files: [] },
    now: new Date("2026-12-01T00:00:00Z"),
  });
}

describe("markdown for a PR comment", () => {
  it("stays under GitHub's 65,536 characters and counts what it left out", () => {
    const total = 3000;
    const long = "Catch block only logs the error, then the code responds as if the operation had succeeded. ".repeat(3);
    const text = renderMarkdown(data(Array.from({ length: total }, (_, i) => finding(i, long))), "0.0.0-test", GITHUB_COMMENT_LIMIT);
    expect(text.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    const shown = text.split("\n").filter((line) => /^\| (🔴|🟠|🔵) \|/.test(line)).length;
    const left = Number(/…and (\d+) more finding\(s\) not shown \((\d+) error, (\d+) warning, 0 note\)/.exec(text)![1]);
    expect(shown).toBeGreaterThan(50);
    expect(shown + left).toBe(total);
    expect(text).toContain("### Findings (3000)");
  });

  it("lists everything, with no truncation note, when it fits", () => {
    const text = renderMarkdown(data([finding(1, "short"), finding(2, "short")]), "0.0.0-test", GITHUB_COMMENT_LIMIT);
    expect(text).not.toContain("not shown");
    expect(text.match(/^\| 🔴 \|/gm)).toHaveLength(2);
  });

  it("escapes HTML and table syntax outside code spans, and only pipes inside them", () => {
    expect(markdownCell('a <script>alert("x")</script> | b')).toBe('a &lt;script&gt;alert("x")&lt;/script&gt; \\| b');
    expect(markdownCell("call `a || b` then <b>")).toBe("call `a \\|\\| b` then &lt;b&gt;");
    expect(markdownCell("odd ` backtick <i>")).toBe("odd &#96; backtick &lt;i&gt;");
    expect(markdownCell("two\nlines **bold**")).toBe("two lines \\*\\*bold\\*\\*");
  });
});
