import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { baselineFromFindings, type Baseline } from "../baseline/baseline-file.js";
import { gitOutput, isGitRepository, prefixInRepository } from "../attribution/git.js";
import { UsageError } from "../errors.js";
import { runScan, type ScanOptions } from "../scan/run-scan.js";

/**
 * The findings at another commit, as a baseline: the commit is checked out into a temporary git
 * worktree, scanned with the same options, and the worktree removed again. Fingerprints hold no
 * line numbers, so they compare across commits.
 */
export async function baselineAtRef(options: ScanOptions, ref: string): Promise<Baseline> {
  const { root } = options;
  if (!isGitRepository(root)) throw new UsageError(`--since needs a git repository, and ${root} is not inside one`, "run in a git checkout or drop --since");
  const commit = gitOutput(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])?.trim();
  if (!commit) throw new UsageError(`--since ${ref} is not a commit in this repository`, "fetch it first (e.g. git fetch origin main) or pass another ref");
  const parent = mkdtempSync(path.join(tmpdir(), "vibeguard-since-"));
  const checkout = path.join(parent, "tree");
  if (gitOutput(root, ["worktree", "add", "--detach", checkout, commit]) === undefined) {
    rmSync(parent, { recursive: true, force: true });
    throw new UsageError(`cannot check out ${ref} into a temporary worktree`, "check that git can run `git worktree add` here");
  }
  try {
    const scanRoot = path.join(checkout, prefixInRepository(root));
    // Named paths and the config folder, moved from the working tree into the checkout.
    const inCheckout = (absolute: string) => path.join(scanRoot, path.relative(root, absolute));
    const paths = options.paths.map((p) => path.relative(root, path.resolve(options.cwd ?? root, p)) || ".");
    const result = await runScan({
      ...options,
      root: scanRoot,
      cwd: scanRoot,
      paths,
      ...(options.configDir ? { configDir: inCheckout(options.configDir) } : {}),
      allowEmpty: true,
      progress: undefined,
      changedSince: undefined,
    });
    return baselineFromFindings(result.findings, commit);
  } finally {
    gitOutput(root, ["worktree", "remove", "--force", checkout]);
    rmSync(parent, { recursive: true, force: true });
  }
}
