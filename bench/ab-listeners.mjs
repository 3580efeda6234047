/**
 * A/B of two builds of the plugin on the listener budget: both builds' recommended rules lint the bench sample
 * (every 3rd corpus file) in one process, alternating which goes first file by file, with ESLint's `stats: true`;
 * per rule, the sum over files of the per-file minimum over 4 passes (after a warm-up), next to the no-rules
 * time of the same files in the same passes. Comparing two builds this way cancels the machine's drift, which
 * moves separate runs by 10-30%.
 *
 *   pnpm build && node bench/ab-listeners.mjs <path/to/base/dist/index.js> packages/eslint-plugin/dist/index.js
 *
 * (build the base in a git worktree: `git worktree add --detach ../base <commit> && cd ../base && pnpm install && pnpm build`).
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
const { resolveCorpus } = await import(new URL("../corpus/corpus.config.mjs", import.meta.url).href);
const { RECOMMENDED_RULES, createCorpusLinter } = await import(new URL("../corpus/lint-corpus.mjs", import.meta.url).href);
const [pathA, pathB] = process.argv.slice(2).map((path) => pathToFileURL(resolve(path)).href);
if (!pathA || !pathB) {
  console.error("usage: node bench/ab-listeners.mjs <base dist/index.js> <new dist/index.js>");
  process.exit(2);
}
const plugins = [await import(pathA), await import(pathB)].map((m) => m.default);
const files = resolveCorpus().files.filter((_, i) => i % 3 === 0);
const rules = Object.fromEntries(RECOMMENDED_RULES.map((r) => ["vibeguard/" + r, "error"]));
const linters = plugins.map((p) => createCorpusLinter({ plugins: { vibeguard: p }, rules, stats: true }));
const base = createCorpusLinter({ plugins: { vibeguard: plugins[0] }, rules: {} });
const mins = [new Map(), new Map()];
const baseMin = new Float64Array(files.length).fill(Infinity);
for (let pass = 0; pass <= 4; pass++) {
  for (let i = 0; i < files.length; i++) {
    const order = (i + pass) % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) {
      const { timing } = await linters[k].lint(files[i]);
      if (pass === 0 || !timing) continue;
      for (const [r, ms] of Object.entries(timing.rulesMs)) {
        let a = mins[k].get(r); if (!a) mins[k].set(r, (a = new Float64Array(files.length).fill(Infinity)));
        if (ms < a[i]) a[i] = ms;
      }
    }
    const t = performance.now(); await base.lint(files[i]); const e = performance.now() - t;
    if (pass > 0 && e < baseMin[i]) baseMin[i] = e;
  }
}
const sum = (a) => a.reduce((x, y) => x + (Number.isFinite(y) ? y : 0), 0);
const b = sum(baseMin);
console.log("files", files.length, "no-rules", b.toFixed(0), "ms");
let ta = 0, tb = 0;
for (const r of mins[0].keys()) { const a = sum(mins[0].get(r)), c = sum(mins[1].get(r) ?? []); ta += a; tb += c; console.log(r.padEnd(40), a.toFixed(1).padStart(7), c.toFixed(1).padStart(7), (100 * a / b).toFixed(2) + "%", (100 * c / b).toFixed(2) + "%"); }
console.log("total".padEnd(40), ta.toFixed(1).padStart(7), tb.toFixed(1).padStart(7), (100 * ta / b).toFixed(2) + "%", (100 * tb / b).toFixed(2) + "%");
