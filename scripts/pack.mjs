#!/usr/bin/env node
// Builds the workspace's publishable packages and packs each into a tarball with `pnpm pack`, which turns
// `workspace:*` dependencies into the real versions, so npm can install them outside this repository:
//   pnpm pack:all [--out DIR]        (default DIR: packed/)
// The packaging test (tests/packaging) packs the same way.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** How to call pnpm: the one running this script when there is one (e.g. `npx pnpm@x pack:all`), else PATH's. */
function pnpmCommand() {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm/.test(path.basename(execPath)) ? [process.execPath, execPath] : ["pnpm"];
}

function pnpm(args, cwd) {
  const [command, ...prefix] = pnpmCommand();
  return execFileSync(command, [...prefix, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** The workspace's packages that are not private, as pnpm-workspace.yaml lists them. */
export function publishablePackages(root = repo) {
  const all = JSON.parse(pnpm(["ls", "--recursive", "--depth", "-1", "--json"], root));
  return all
    .filter((pkg) => !pkg.private && pkg.path !== root)
    .map((pkg) => ({ name: pkg.name, version: pkg.version, dir: pkg.path }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Builds every publishable package (tsc -b follows their references), then packs each into outDir.
 * `clean` first deletes the build output, so files of sources that were moved or deleted are not shipped.
 */
export function packWorkspace({ root = repo, outDir, clean = false }) {
  const packages = publishablePackages(root);
  const tsc = createRequire(path.join(root, "package.json")).resolve("typescript/bin/tsc");
  const dirs = packages.map((pkg) => pkg.dir);
  if (clean) {
    // Every package builds into dist/ (see its tsconfig and `files`); `tsc -b --clean` would leave orphans.
    for (const dir of dirs) for (const output of ["dist", "tsconfig.tsbuildinfo"]) rmSync(path.join(dir, output), { recursive: true, force: true });
  }
  execFileSync(process.execPath, [tsc, "-b", ...dirs], { cwd: root, stdio: "inherit" });
  mkdirSync(outDir, { recursive: true });
  // Old tarballs would be installed along with the new ones by `npm install DIR/*.tgz`.
  for (const name of readdirSync(outDir)) if (name.endsWith(".tgz")) rmSync(path.join(outDir, name));
  return packages.map((pkg) => {
    const report = JSON.parse(pnpm(["pack", "--pack-destination", outDir, "--json"], pkg.dir));
    return { ...pkg, tarball: report.filename, files: report.files.map((file) => file.path) };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const outIndex = process.argv.indexOf("--out");
  const outDir = path.resolve(outIndex === -1 ? path.join(repo, "packed") : process.argv[outIndex + 1]);
  for (const { name, tarball } of packWorkspace({ outDir, clean: true })) {
    console.log(`${name.padEnd(26)} ${path.relative(process.cwd(), tarball)}`);
  }
}
