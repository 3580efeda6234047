// Builds the benchmark corpus: real TypeScript sources of npm packages that ship them, fetched with
// `npm pack` into a temporary folder outside the repository (third-party code is never committed).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";

export const PACKAGES = ["rxjs@7.8.2", "@tanstack/query-core@5.108.4", "@trpc/server@11.25.2", "immer@11.2.14", "effect@4.1.5"];
/** effect alone ships 560k lines; its first files (by path) up to this many lines keep the corpus near 130k. */
const EFFECT_LINE_BUDGET = 80_000;

// Tests and the packages' own vendored copies (trpc ships one under src/vendor) are left out: the analyzer skips
// them by design, and a clone injected there would measure that choice, not detection.
const isSource = (file) => /\.tsx?$/.test(file) && !/\.d\.ts$/.test(file) && !/(\.test|\.spec|__tests__|\/test\/|\/vendor\/)/.test(file);

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (isSource(full)) out.push(full);
  }
  return out.sort();
}

/** Unpacks each package's src/ into `tree/<name>/src`; returns the tree's files (relative) and line count. */
export function buildCorpus(tmp, tree) {
  const packs = path.join(tmp, "packs");
  mkdirSync(packs, { recursive: true });
  rmSync(tree, { recursive: true, force: true });
  let lines = 0;
  for (const spec of PACKAGES) {
    const tarball = path.join(packs, `${spec.replace(/^@/, "").replace("/", "-").replace("@", "-")}.tgz`);
    if (!existsSync(tarball)) execFileSync("npm", ["pack", spec, "--silent"], { cwd: packs, stdio: ["ignore", "ignore", "inherit"] });
    const unpacked = path.join(tmp, "unpacked", path.basename(tarball, ".tgz"));
    if (!existsSync(unpacked)) {
      mkdirSync(unpacked, { recursive: true });
      execFileSync("tar", ["xzf", tarball, "-C", unpacked]);
    }
    const src = path.join(unpacked, "package", "src");
    const name = spec.replace(/@[^@]*$/, "").replace(/^@/, "").replace("/", "-");
    let budget = name === "effect" ? EFFECT_LINE_BUDGET : Infinity;
    for (const file of walk(src)) {
      const count = readFileSync(file, "utf8").split("\n").length;
      if (count > budget) continue;
      budget -= count;
      lines += count;
      const target = path.join(tree, name, path.relative(src, file));
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(file, target);
    }
  }
  const files = walk(tree).map((file) => path.relative(tree, file).split(path.sep).join("/"));
  return { files, lines, bytes: files.reduce((sum, file) => sum + statSync(path.join(tree, file)).size, 0) };
}
