#!/usr/bin/env node
// @ts-check
/**
 * The precision sample of issue 10: a seeded random sample of up to 40 corpus reports per rule (all of
 * them when a rule has fewer), each with the verdict a person gave it in corpus/reviewed/<rule>.json on
 * the maintainer standard ("would a maintainer of that code agree the failure is lost / the value is a
 * secret / the query is injectable?"). Writes sample.json and prints the per-rule tally.
 *
 *   pnpm build && node corpus/lint-corpus.mjs && node corpus/sample/sample.mjs
 *
 * The seed is fixed so the same reports give the same sample; change SEED only to draw a new one.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { REPORTS_DIR, RULE_IDS, loadReviewed, matchesReview } from "../lint-corpus.mjs";

export const SEED = 20261203;
export const SAMPLE_SIZE = 40;
/** At least 36 of 40 true (90%) for a rule to stay in `recommended`. */
export const MIN_TRUE_SHARE = 36 / 40;

const here = dirname(fileURLToPath(import.meta.url));

/** mulberry32: a small, well-known seeded PRNG, so the draw is reproducible without a dependency. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function draw(items, count, next) {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

const latest = JSON.parse(readFileSync(join(REPORTS_DIR, "latest.json"), "utf8"));
const reports = latest.reports ?? latest;
const next = random(SEED);
const rules = {};
for (const ruleId of RULE_IDS) {
  const reviewed = loadReviewed(ruleId);
  const ofRule = reports
    .filter((r) => r.ruleId === ruleId)
    .sort((a, b) => `${a.file}:${a.line}:${a.column}`.localeCompare(`${b.file}:${b.line}:${b.column}`));
  const picked = draw(ofRule, SAMPLE_SIZE, next).map((r) => {
    const review = reviewed.find((e) => matchesReview(r, e));
    return { file: r.file, line: r.line, snippet: r.snippet, verdict: review?.verdict ?? "unreviewed", note: review?.note ?? "" };
  });
  const truePositives = picked.filter((p) => p.verdict === "true-positive").length;
  rules[ruleId] = {
    reports: ofRule.length,
    sampled: picked.length,
    truePositives,
    meetsBar: picked.length === 0 || truePositives >= Math.ceil(MIN_TRUE_SHARE * picked.length),
    picked,
  };
  console.log(`${ruleId.padEnd(26)} ${String(ofRule.length).padStart(4)} reports, sampled ${picked.length}, true ${truePositives}${picked.length ? ` (${Math.round((100 * truePositives) / picked.length)}%)` : ""}`);
}
writeFileSync(join(here, "sample.json"), JSON.stringify({ seed: SEED, sampleSize: SAMPLE_SIZE, standard: "maintainer", rules }, null, 2) + "\n");
