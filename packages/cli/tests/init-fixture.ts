import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { InitIo } from "../src/init/confirm.js";

export const REPO_ROOT = path.resolve(__dirname, "../../..");

/**
 * A copy of fixtures/init/<style> (or an empty folder) in the temp folder, made a git repository so the
 * package-manager lookup stops at it. `links` are workspace packages linked into its node_modules, so the
 * config that init writes can be loaded by real ESLint: `{ eslint: "eslint9" }` links ESLint 9 as `eslint`.
 */
export function copyProject(style: string | undefined, links: Record<string, string> = {}): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), `vg-init-${style ?? "empty"}-`)));
  if (style) cpSync(path.join(REPO_ROOT, "fixtures/init", style), dir, { recursive: true });
  execFileSync("git", ["init", "-q"], { cwd: dir });
  for (const [name, workspacePackage] of Object.entries(links)) {
    const at = path.join(dir, "node_modules", name);
    mkdirSync(path.dirname(at), { recursive: true });
    symlinkSync(realpathSync(path.join(REPO_ROOT, "node_modules", workspacePackage)), at, "dir");
  }
  return dir;
}

/** Every file under `dir` (outside .git and node_modules) with its text, to tell whether anything was written. */
export function snapshotFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const name of readdirSync(path.join(dir, relative))) {
      if (name === ".git" || name === "node_modules") continue;
      const child = path.join(relative, name);
      if (statSync(path.join(dir, child)).isDirectory()) walk(child);
      else files[child] = readFileSync(path.join(dir, child), "utf8");
    }
  };
  walk("");
  return files;
}

/** An InitIo that records what init prints and answers its question with `answer` (and records the question). */
export function recordingIo(options: { interactive: boolean; answer?: boolean }): InitIo & { output: string; questions: string[] } {
  const io = {
    output: "",
    questions: [] as string[],
    interactive: options.interactive,
    out(text: string) {
      io.output += text;
    },
    async confirm(question: string) {
      io.questions.push(question);
      return options.answer ?? false;
    },
  };
  return io;
}
