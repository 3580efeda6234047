/**
 * The false-positive gate: the catalog's ESLint rules run over ~40 real npm packages (corpus/), and every
 * report must have been looked at by a person (corpus/reviewed/<rule>.json). See corpus/README.md.
 */
import { beforeAll, describe, expect, it } from "vitest";
import plugin from "eslint-plugin-vibeguard";
import { resolveCorpus } from "../corpus/corpus.config.mjs";
import {
  matchesReview,
  RULE_IDS,
  FALSE_POSITIVE_BUDGET_PER_10K_LINES,
  compareWithReviews,
  falsePositiveBudget,
  lintCorpus,
  loadReviewed,
} from "../corpus/lint-corpus.mjs";

type Result = Awaited<ReturnType<typeof lintCorpus>>;
type Report = Result["reports"][number];

const corpus = resolveCorpus();
let result: Result;

beforeAll(async () => {
  // One run with every corpus rule (from source, via the vitest alias); every test reads it.
  result = await lintCorpus({ plugin, ruleIds: RULE_IDS, files: corpus.files });
}, 300_000);

const reportsOf = (ruleId: string) => result.reports.filter((r) => r.ruleId === ruleId);

/** Ready to paste into corpus/reviewed/<rule>.json once the verdict and note are filled in. */
function formatUnreviewed(reports: Report[]) {
  return reports
    .map((r) => {
      const entry = JSON.stringify({ file: r.file, snippet: r.snippet, verdict: "?", note: "?" });
      return `  ${r.file}:${r.line}:${r.column} ${r.message}\n      ${r.snippet.slice(0, 200)}\n      ${entry}`;
    })
    .join("\n");
}

describe("corpus", () => {
  it("is large and varied enough to measure false positives (>= 30 packages, >= 100k lines)", () => {
    expect(corpus.missing, "packages in corpus.config.mjs that are not installed").toEqual([]);
    expect(corpus.packages.length).toBeGreaterThanOrEqual(30);
    expect(corpus.lines).toBeGreaterThanOrEqual(100_000);
    // A glob that stops matching after a package upgrade would shrink the corpus silently.
    const empty = corpus.packages.filter((p) => p.files.length === 0).map((p) => p.name);
    expect(empty, "packages whose include globs match no file").toEqual([]);
  });

  it("parses every corpus file (an unparsed file is a file no rule was checked on)", () => {
    const list = result.parseErrors.map((p) => `  ${p.file}:${p.line ?? "?"} ${p.message}`).join("\n");
    expect(result.parseErrors, `files that failed to parse; fix the parser setup or exclude them in corpus.config.mjs:\n${list}`).toEqual([]);
  });

  it("no rule throws on any corpus file", () => {
    const list = result.crashes.map((c) => `  ${c.ruleId ?? "(rule unknown)"} crashed on ${c.file}:\n    ${c.error}`).join("\n");
    expect(result.crashes, `rule crashes:\n${list}`).toEqual([]);
  });
});

describe.each(RULE_IDS)("%s on the corpus", (ruleId) => {
  const reviewed = loadReviewed(ruleId);

  it("every report has been reviewed (matched by file + trimmed source line)", () => {
    const { unreviewed } = compareWithReviews(reportsOf(ruleId), reviewed);
    expect(
      unreviewed.length,
      `${unreviewed.length} unreviewed ${ruleId} report(s). Fix the rule if they are false positives, or add them ` +
        `to corpus/reviewed/${ruleId}.json with a verdict and a note (node corpus/lint-corpus.mjs --rule ${ruleId} --unreviewed):\n` +
        formatUnreviewed(unreviewed),
    ).toBe(0);
  });

  it("has no stale review entry (every entry still matches a report)", () => {
    const { stale } = compareWithReviews(reportsOf(ruleId), reviewed);
    const list = stale.map((e) => `  ${e.file}: ${e.snippet.slice(0, 200)} (${e.verdict})`).join("\n");
    expect(
      stale.length,
      `${stale.length} entries in corpus/reviewed/${ruleId}.json no longer match any report; remove them:\n${list}`,
    ).toBe(0);
  });

  it(
    `stays within its false-positive budget (${FALSE_POSITIVE_BUDGET_PER_10K_LINES[ruleId]} per 10k lines)`,
    () => {
      const { falsePositives } = compareWithReviews(reportsOf(ruleId), reviewed);
      const budget = falsePositiveBudget(ruleId, corpus.lines);
      const list = falsePositives.map((r) => `  ${r.file}:${r.line} ${r.snippet.slice(0, 200)}`).join("\n");
      expect(
        falsePositives.length,
        `${ruleId} has ${falsePositives.length} accepted false positives on ${corpus.lines} lines (budget ${budget}):\n${list}`,
      ).toBeLessThanOrEqual(budget);
    },
  );
});

describe("review entries", () => {
  const report = { ruleId: "no-string-built-sql", file: "knex/lib/a.js", line: 261, column: 16, message: 'SQL passed to runner.query() is built by concatenating "ref.update_rule"; pass values as parameters.', snippet: "return runner.query({" };
  const entry = { file: "knex/lib/a.js", snippet: "return runner.query({", verdict: "false-positive" as const, note: "n" };

  it("match by file and trimmed source line, and with messageIncludes only a report whose message contains it", () => {
    expect(matchesReview(report, entry)).toBe(true);
    expect(matchesReview(report, { ...entry, messageIncludes: 'concatenating "ref.update_rule"' })).toBe(true);
    expect(matchesReview(report, { ...entry, messageIncludes: 'interpolating "this.tableName()"' })).toBe(false);
    expect(matchesReview({ ...report, file: "knex/lib/b.js" }, entry)).toBe(false);
  });
});
