import { readFileSync } from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import type { Diagnostic } from "../finding.js";
import { describeFsError } from "./fs-problems.js";

/** One ignore file (a .gitignore, .git/info/exclude or the config's patterns) and the folder it is relative to. */
export interface IgnoreLayer {
  /** Absolute folder the patterns are relative to. */
  dir: string;
  matcher: Ignore;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/**
 * Compiles gitignore lines one by one: a line that cannot be compiled (a 40,000-character pattern
 * is too large for a regular expression) becomes a diagnostic naming the file and line, and every
 * other line still applies.
 */
export function compileIgnoreLines(text: string, source: string, problems: Diagnostic[]): Ignore {
  const usable: string[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((line, index) => {
    if (!line.trim() || line.startsWith("#")) return;
    try {
      // ignore compiles lazily; test() forces this line's regular expressions now.
      ignore().add(line).test("vibeguard-probe");
      usable.push(line);
    } catch (error) {
      const reason = ((error as Error).message.split("\n")[0] ?? "").split(": ").pop();
      problems.push({
        engine: "discovery",
        kind: "config",
        path: source,
        line: index + 1,
        message: `${source}:${index + 1}: ignore pattern skipped, it cannot be compiled (${reason}); the other patterns still apply`,
      });
    }
  });
  return ignore().add(usable);
}

/** Loads `file` as an ignore layer for `dir`; a missing file gives undefined, an unreadable one a diagnostic. */
export function loadIgnoreFile(file: string, dir: string, displayPath: string, problems: Diagnostic[]): IgnoreLayer | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    problems.push({ engine: "discovery", kind: "unreadable", path: displayPath, message: `${displayPath}: ${describeFsError(error)}; its patterns are not applied` });
    return undefined;
  }
  return { dir, matcher: compileIgnoreLines(text, displayPath, problems) };
}

/**
 * Whether a path is ignored, as git decides: the deepest ignore file with a matching pattern wins
 * (so a nested `!keep.js` re-includes what a parent ignores). `layers` run from the shallowest to the
 * deepest; `absolute` must lie inside each layer's folder.
 */
export function isIgnored(layers: readonly IgnoreLayer[], absolute: string, isDirectory: boolean): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    const rel = toPosix(path.relative(layer.dir, absolute));
    if (!rel || rel.startsWith("../")) continue;
    const verdict = layer.matcher.test(isDirectory ? `${rel}/` : rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}
