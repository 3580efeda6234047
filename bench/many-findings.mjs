// @ts-check
/**
 * `node bench/many-findings.mjs [count]` (after `pnpm build`): one generated file with `count`
 * findings (default 30,000), to check that a file's findings cost linear time after ESLint.
 *
 * Fingerprinting used to split the whole source again for every finding: quadratic in the findings
 * of one file (8,000 took 40 s, 34,000 over 200 s and 1.2 GB). This times, in this process:
 *   1. fingerprintFindings alone on `count` findings in one `count`-line file, and on half as many
 *      (linear time means the full run costs about twice the half run, not four times);
 *   2. the whole scan pipeline (discovery, ESLint, fingerprints) on the generated file,
 * and prints wall time and peak RSS.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fingerprintFindings } from "../packages/core/dist/index.js";
import { runScan } from "../packages/cli/dist/index.js";

const count = Number(process.argv[2] ?? 30_000);
const line = (i) => `try { work${i}(); } catch (err) {}`;

function timeFingerprints(n) {
  const source = Array.from({ length: n }, (_, i) => line(i)).join("\n");
  const raw = Array.from({ length: n }, (_, i) => ({
    ruleId: "no-swallowed-error",
    message: "Empty catch block swallows the error.",
    severity: /** @type {const} */ ("error"),
    location: { path: "src/many.js", startLine: i + 1, startColumn: 20 },
  }));
  const started = performance.now();
  const result = fingerprintFindings(raw, () => source);
  return { ms: performance.now() - started, fingerprints: new Set(result.map((f) => f.fingerprint)).size };
}

const half = timeFingerprints(Math.floor(count / 2));
const full = timeFingerprints(count);
console.log(`fingerprintFindings: ${Math.floor(count / 2)} findings ${half.ms.toFixed(0)} ms; ${count} findings ${full.ms.toFixed(0)} ms (ratio ${(full.ms / half.ms).toFixed(2)}, linear = 2)`);
if (full.fingerprints !== count) throw new Error(`expected ${count} distinct fingerprints, got ${full.fingerprints}`);

const root = mkdtempSync(join(tmpdir(), "vg-bench-many-"));
try {
  mkdirSync(join(root, "src"));
  writeFileSync(join(root, "src/many.js"), `${Array.from({ length: count }, (_, i) => line(i)).join("\n")}\n`);
  const started = performance.now();
  const result = await runScan({ root, paths: [], config: {}, debug: () => {} });
  const ms = performance.now() - started;
  console.log(
    `scan of one file with ${result.findings.length} findings: ${(ms / 1000).toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  if (result.findings.length !== count) throw new Error(`expected ${count} findings, got ${result.findings.length}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
