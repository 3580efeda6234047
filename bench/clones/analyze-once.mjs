// One analyzer run in its own process (so wall time and peak memory are the run's alone).
// usage: node analyze-once.mjs <tree> <cacheDir|none> <threads> <out.json>
import { writeFileSync } from "node:fs";
import { analyzeDuplicates } from "../../packages/analyzer/dist/index.js";
import { discoverFiles } from "../../packages/core/dist/index.js";

const [tree, cacheDir, threads, out] = process.argv.slice(2);
const started = performance.now();
const { files } = await discoverFiles({ root: tree });
const result = await analyzeDuplicates({ root: tree, files, cacheDir: cacheDir === "none" ? false : cacheDir, threads: Number(threads) });
const ms = performance.now() - started;
const span = (ref) => ({ file: ref.file, startLine: ref.unit.startLine, endLine: ref.unit.endLine, name: ref.unit.name });
writeFileSync(
  out,
  JSON.stringify({
    ms,
    stats: result.stats,
    diagnostics: result.diagnostics.length,
    duplicates: result.duplicates.map((d) => ({ copy: span(d.copy), canonical: span(d.canonical), others: d.others.map(span), similarity: d.similarity, message: d.message })),
  }),
);
