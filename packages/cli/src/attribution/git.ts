import { execFileSync } from "node:child_process";

/** Runs git in `root` and returns stdout, or undefined when git fails (not a repository, unknown ref). */
export function gitOutput(root: string, args: readonly string[], input?: string): string | undefined {
  try {
    return execFileSync("git", args, {
      cwd: root,
      encoding: "utf8",
      input,
      stdio: ["pipe", "pipe", "ignore"],
      maxBuffer: 512 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

export function isGitRepository(root: string): boolean {
  return gitOutput(root, ["rev-parse", "--is-inside-work-tree"])?.trim() === "true";
}

export function headCommit(root: string): string | undefined {
  return gitOutput(root, ["rev-parse", "--verify", "--quiet", "HEAD"])?.trim() || undefined;
}

/** The path of `root` relative to the repository's top level ("" at the top), to map git paths to scan paths. */
export function prefixInRepository(root: string): string {
  return gitOutput(root, ["rev-parse", "--show-prefix"])?.trim() ?? "";
}
