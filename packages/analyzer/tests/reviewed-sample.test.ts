import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeDuplicates } from "@vibeguard/analyzer";
import { CORPUS_MODULES, resolveCorpus } from "../../../corpus/corpus.config.mjs";

/**
 * A hand review of analyzer findings on real code with nothing injected: knex as installed in corpus/ by
 * `pnpm install`. The 30 findings were drawn by a seeded hash (not picked), each read in both copies and
 * judged: would a maintainer merge this duplicated logic, or is it boilerplate / different logic?
 */
interface ReviewedFinding {
  /** `file#name` of the copy reported, as the analyzer names it (file relative to corpus/node_modules). */
  copy: string;
  /** `file#name` of the copy the finding says to keep. */
  canonical: string;
  similarity: number;
  verdict: "duplicate" | "not a duplicate";
  reason: string;
}

interface ReviewedSample {
  package: string;
  version: string;
  sample: { seed: string; size: number; findings: number; method: string };
  reviewed: ReviewedFinding[];
}

const review = JSON.parse(readFileSync(path.join(__dirname, "reviewed", "knex.json"), "utf8")) as ReviewedSample;
const REDRAW = "re-draw the sample as packages/analyzer/tests/reviewed/knex.json's sample.method says, read both copies of each new finding, and record its verdict and reason";

/** The seeded draw: the findings whose hash of `file:name` sorts first. */
function draw(copies: readonly { file: string; name: string }[], seed: string, size: number): string[] {
  const rank = (copy: { file: string; name: string }) => createHash("sha1").update(`${seed}\0${copy.file}:${copy.name}`).digest("hex");
  return [...copies]
    .sort((a, b) => rank(a).localeCompare(rank(b)))
    .slice(0, size)
    .map((copy) => `${copy.file}#${copy.name}`)
    .sort();
}

describe(`hand-reviewed duplicated-utility findings on ${review.package} ${review.version}`, () => {
  /** copy → canonical, as the analyzer reports them now. */
  const reported = new Map<string, string>();
  const copies: { file: string; name: string }[] = [];
  let installed = "";

  beforeAll(async () => {
    const corpus = resolveCorpus({ only: [review.package] });
    expect(corpus.missing, "the corpus package is not installed: run pnpm install").toEqual([]);
    installed = corpus.packages[0]!.version;
    const result = await analyzeDuplicates({ root: CORPUS_MODULES, files: corpus.files.map((file) => file.file), cacheDir: false, threads: 1 });
    for (const duplicate of result.duplicates) {
      reported.set(`${duplicate.copy.file}#${duplicate.copy.unit.name}`, `${duplicate.canonical.file}#${duplicate.canonical.unit.name}`);
      copies.push({ file: duplicate.copy.file, name: duplicate.copy.unit.name });
    }
  }, 180_000);

  it("was reviewed on the installed version", () => {
    expect(installed, `corpus/ now installs ${review.package} ${installed}: ${REDRAW}`).toBe(review.version);
  });

  it("still reports every reviewed finding, against the same copy to keep", () => {
    const stale = review.reviewed
      .filter((finding) => reported.get(finding.copy) !== finding.canonical)
      .map((finding) => `${finding.copy}: reviewed against ${finding.canonical}, now ${reported.get(finding.copy) ?? "not reported"}`);
    expect(stale, `the reviewed list is stale; ${REDRAW}`).toEqual([]);
  });

  it("is the seeded draw of what the analyzer reports, not a picked list", () => {
    expect(review.reviewed.map((finding) => finding.copy).sort(), `the analyzer's findings changed, so the draw did; ${REDRAW}`).toEqual(draw(copies, review.sample.seed, review.sample.size));
  });

  it("holds at least 27 of 30 findings that are duplicated logic a maintainer would merge", () => {
    expect(review.reviewed).toHaveLength(30);
    for (const finding of review.reviewed) {
      expect(["duplicate", "not a duplicate"], finding.copy).toContain(finding.verdict);
      expect(finding.reason.length, `${finding.copy} needs a one-line reason`).toBeGreaterThan(20);
    }
    const merged = review.reviewed.filter((finding) => finding.verdict === "duplicate").length;
    expect(merged).toBeGreaterThanOrEqual(27);
  });
});
