// Scores each tool's reported clone pairs against the injected ground truth, and formats the results.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const overlaps = (span, target) => span.file === target.file && span.startLine <= target.endLine && span.endLine >= target.startLine;

/** Reported clone pairs of each tool, as [{ a: span, b: span }] with tree-relative paths. */
function pairsOf(name, run, tree) {
  const rel = (file) => path.relative(tree, path.resolve(tree, file)).split(path.sep).join("/");
  const allPairs = (instances) => instances.flatMap((a, i) => instances.slice(i + 1).map((b) => ({ a, b })));
  if (name.startsWith("analyzer")) {
    return run.result.duplicates.map((d) => ({ a: d.copy, b: d.canonical, canonical: d.canonical }));
  }
  if (name === "jscpd") {
    if (!existsSync(run.reportFile)) return undefined;
    const report = JSON.parse(readFileSync(run.reportFile, "utf8"));
    return report.duplicates.map((d) => ({
      a: { file: rel(d.firstFile.name), startLine: d.firstFile.start, endLine: d.firstFile.end },
      b: { file: rel(d.secondFile.name), startLine: d.secondFile.start, endLine: d.secondFile.end },
    }));
  }
  if (name === "fallow") {
    if (run.status !== 0) return undefined;
    const report = JSON.parse(run.stdout);
    return report.clone_groups.flatMap((group) => allPairs(group.instances.map((i) => ({ file: rel(i.file), startLine: i.start_line, endLine: i.end_line }))));
  }
  if (name === "jsinspect-plus") {
    const start = run.stdout.indexOf("[");
    if (start === -1) return undefined;
    const matches = JSON.parse(run.stdout.slice(start));
    return matches.flatMap((match) => allPairs(match.instances.map((i) => ({ file: rel(i.path), startLine: i.lines[0], endLine: i.lines[1] }))));
  }
  return undefined;
}

function score(pairs, truth) {
  const detected = truth.map((t) =>
    pairs.find((p) => (overlaps(p.a, t.copy) && overlaps(p.b, t.source)) || (overlaps(p.b, t.copy) && overlaps(p.a, t.source))),
  );
  const recall = {};
  for (const type of ["type-1", "type-2", "type-3", "type-4"]) {
    const ofType = truth.map((t, i) => [t, detected[i]]).filter(([t]) => t.type === type);
    recall[type] = { found: ofType.filter(([, d]) => d).length, total: ofType.length };
  }
  const touching = pairs.filter((p) => truth.some((t) => overlaps(p.a, t.copy) || overlaps(p.b, t.copy)));
  const correct = touching.filter((p) => truth.some((t) => (overlaps(p.a, t.copy) && overlaps(p.b, t.source)) || (overlaps(p.b, t.copy) && overlaps(p.a, t.source))));
  const withCanonical = detected.filter((d) => d?.canonical);
  const canonicalRight = truth.filter((t, i) => detected[i]?.canonical && overlaps(detected[i].canonical, t.source));
  const shapes = {};
  truth.forEach((t, i) => {
    if (t.type !== "type-4") return;
    const key = t.shapes.filter((s) => s !== "declaration→arrow").join("+") || "declaration→arrow only";
    shapes[key] ??= { found: 0, total: 0 };
    shapes[key].total++;
    if (detected[i]) shapes[key].found++;
  });
  return { recall, precision: { correct: correct.length, total: touching.length }, canonical: withCanonical.length ? { right: canonicalRight.length, total: withCanonical.length } : undefined, shapes, pairs: pairs.length };
}

const pct = ({ found, total, correct, right }, whole = total) => (whole ? `${(((found ?? correct ?? right) / whole) * 100).toFixed(1)}% (${found ?? correct ?? right}/${whole})` : "n/a");

/** The detection section of one seed's run: recall per type, pair precision, canonical choice, type-4 shapes. */
export function detectionSection({ tree, truth, runs, seed, tools, command }) {
  const names = ["analyzer-cold", "jscpd", "fallow", "jsinspect-plus"].filter((name) => runs[name]);
  const scores = Object.fromEntries(names.map((name) => [name, pairsOf(name, runs[name], tree)]).map(([name, pairs]) => [name, pairs && score(pairs, truth)]));
  const lines = [];
  lines.push(`## Detection, seed ${seed}`, "");
  lines.push(`\`pnpm build && ${command}\`; ${truth.length} copies injected (${["type-1", "type-2", "type-3", "type-4"].map((type) => `${truth.filter((t) => t.type === type).length} ${type}`).join(", ")}).`, "");
  lines.push("| tool | type-1 | type-2 | type-3 | type-4 | pair precision | canonical right |", "|---|---|---|---|---|---|---|");
  const label = { "analyzer-cold": "vibeguard analyzer", jscpd: `jscpd ${tools.jscpd.split("@")[1]} \`--ignore-identifiers --ignore-literals\``, fallow: `fallow ${tools.fallow.split("@")[1]} \`dupes --mode semantic\``, "jsinspect-plus": `jsinspect-plus ${tools["jsinspect-plus"].split("@")[1]} \`-I -L\`` };
  for (const name of names) {
    const s = scores[name];
    if (!s) {
      lines.push(`| ${label[name]} | did not run (exit ${runs[name].status}) | | | | | |`);
      continue;
    }
    lines.push(`| ${label[name]} | ${pct(s.recall["type-1"])} | ${pct(s.recall["type-2"])} | ${pct(s.recall["type-3"])} | ${pct(s.recall["type-4"])} | ${pct(s.precision)} | ${s.canonical ? pct(s.canonical) : "—"} |`);
  }
  lines.push("", "Recall: an injected copy counts as found when a reported pair has one side overlapping the copy and the other overlapping its source function. Pair precision: of the reported pairs with a side on injected code, the share whose other side is that copy's source. Canonical: of the copies found, the share where the analyzer named the source (the original, older in git) as the one to keep; the other tools do not choose.", "");
  const analyzer = scores["analyzer-cold"];
  if (analyzer) {
    const duplicates = runs["analyzer-cold"].result.duplicates;
    const inFamily = truth.map((t) => duplicates.some((d) => (overlaps(d.copy, t.copy) && d.others.some((o) => overlaps(o, t.source))) || (overlaps(d.copy, t.source) && d.others.some((o) => overlaps(o, t.copy)))));
    const familyRecall = ["type-1", "type-2", "type-3", "type-4"].map((type) => {
      const ofType = truth.map((t, i) => [t, inFamily[i]]).filter(([t]) => t.type === type);
      return `${type} ${pct({ found: ofType.filter(([, hit]) => hit).length, total: ofType.length })}`;
    });
    lines.push(`Counting a copy as found when its source is anywhere in the finding's family (the SARIF relatedLocations), not only as the named canonical: ${familyRecall.join(", ")}.`, "");
    lines.push("Type-4 recall by shape (analyzer):", "", "| shape | found |", "|---|---|");
    for (const [shape, count] of Object.entries(analyzer.shapes)) lines.push(`| ${shape} | ${pct(count)} |`);
    lines.push("");
  }
  for (const name of names) if (runs[name].note) lines.push(`Note: ${runs[name].note}.`, "");
  return lines;
}

/** Replaces the `## Detection, seed N` section of a results file (or adds it before the speed section), keeping the rest. */
export function mergeDetection(existing, section, seed) {
  const parts = existing.split(/^(?=## )/m);
  const title = `## Detection, seed ${seed}\n`;
  const text = `${section.join("\n")}\n`;
  // Results written before there were several seeds hold one "## Detection" section: the default seed's.
  const at = parts.findIndex((part) => part.startsWith(title) || (seed === 13 && part.startsWith("## Detection\n")));
  if (at !== -1) parts[at] = text;
  else {
    const speed = parts.findIndex((part) => part.startsWith("## Speed"));
    parts.splice(speed === -1 ? parts.length : speed, 0, text);
  }
  return parts.join("");
}

export function evaluate({ tree, truth, runs, corpus, seed, perType, tools, machine, command }) {
  const lines = [];
  lines.push("# Duplicated-utility analyzer: clone-injection benchmark", "");
  lines.push(`Command: \`pnpm build && ${command}\` (seed ${seed}, ${perType} copies per type requested).`, "");
  lines.push(
    `Corpus: ${corpus.files.length} TypeScript files, ${corpus.lines.toLocaleString("en")} lines, from the npm tarballs of rxjs 7.8.2, @tanstack/query-core 5.108.4, @trpc/server 11.25.2, immer 11.2.14 and effect 4.1.5 (the first 80k lines of its src/ by path), fetched with \`npm pack\` into a folder outside the repository (never committed). The tree is committed to a throwaway git repository, then copies of real functions (4–25 statements) are appended to files of another package and committed: **type-1** identical, **type-2** every local renamed and every string/number literal changed, **type-3** type-2 plus one or two statement edits (a guard or log line added, a statement deleted, two swapped), **type-4** the same logic in another syntax (for…of→forEach, ternary return→if/return, switch→if-chain, declaration→arrow), plus a few copies drawn after the rest (so the others stay the same for a seed) with an accumulator loop rewritten as map/filter/reduce or the other way. Copies are not exported, as an agent's local helper is not.`,
    "",
  );
  lines.push(`Machine: ${machine.cpus} × ${machine.model}, Node ${machine.node}; 1-minute load average before the run ${machine.loadBefore} (the cores are shared with other work, so wall times are noisy).`, "");
  lines.push(...detectionSection({ tree, truth, runs, seed, tools, command }));
  lines.push(`Analyzer findings on the whole tree: ${runs["analyzer-cold"].result.duplicates.length} (injected copies plus clones the packages already had).`, "");
  return `${lines.join("\n")}\n`;
}
