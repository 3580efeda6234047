import { createTwoFilesPatch } from "diff";
import type { FileChange } from "./plan.js";

/** A unified diff of one planned change (a new file is a diff from /dev/null), as `git diff` would show it. */
export function renderDiff(change: FileChange): string {
  const from = change.before === undefined ? "/dev/null" : `a/${change.file}`;
  const patch = createTwoFilesPatch(from, `b/${change.file}`, change.before ?? "", change.after, undefined, undefined, { context: 3 });
  // Drop jsdiff's "====" banner line; keep the ---/+++ headers and hunks.
  return patch.replace(/^=+\n/m, "");
}
