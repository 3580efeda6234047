import { gitOutput } from "./git.js";

export interface BlamedLine {
  commit: string;
  /** Line number and path in the commit that introduced the line. */
  originalLine: number;
  originalPath: string;
}

const UNCOMMITTED = /^0{40}$/;

/** `git blame --porcelain` of one file: final line number → where it came from. Undefined when git cannot blame it. */
export function blameFile(root: string, file: string): Map<number, BlamedLine> | undefined {
  const output = gitOutput(root, ["blame", "--porcelain", "--", file]);
  if (output === undefined) return undefined;
  const lines = new Map<number, BlamedLine>();
  const pathOf = new Map<string, string>();
  let current: { commit: string; originalLine: number; finalLine: number } | undefined;
  for (const row of output.split("\n")) {
    const header = /^([0-9a-f]{40}) (\d+) (\d+)/.exec(row);
    if (header) {
      current = { commit: header[1]!, originalLine: Number(header[2]), finalLine: Number(header[3]) };
      continue;
    }
    if (!current) continue;
    if (row.startsWith("filename ")) pathOf.set(current.commit, row.slice("filename ".length));
    else if (row.startsWith("\t")) {
      if (!UNCOMMITTED.test(current.commit)) {
        lines.set(current.finalLine, { commit: current.commit, originalLine: current.originalLine, originalPath: pathOf.get(current.commit) ?? file });
      }
      current = undefined;
    }
  }
  return lines;
}
