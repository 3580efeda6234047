import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { discoverFiles } from "@vibeguard/core";
import { analyzeDuplicates, type AnalyzeOptions } from "@vibeguard/analyzer";

export const repo = path.resolve(__dirname, "../../..");

/** Runs the analyzer the way the CLI does: discovery first, then the engine, no cache unless given. */
export async function analyzeFolder(root: string, options: Partial<AnalyzeOptions> = {}) {
  const { files } = await discoverFiles({ root });
  return analyzeDuplicates({ root, files, cacheDir: false, threads: 1, ...options });
}

/** A temporary folder with the given files written into it. */
export function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "vibeguard-analyzer-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

export function git(root: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.email=test@example.invalid", "-c", "user.name=test", "-c", "commit.gpgsign=false", ...args], { cwd: root, stdio: "ignore" });
}
