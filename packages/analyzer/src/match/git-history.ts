import { spawnSync } from "node:child_process";

const CHUNK = 200;

/**
 * When each file was first added, in seconds since the epoch, from `git log`; files git does not know
 * (or a folder that is not a repository) are left out. Asked only for files whose canonical choice is
 * still open after the cheaper signs, so large repositories do not pay for a full history walk.
 */
export function firstAddedTimes(root: string, files: readonly string[]): Map<string, number> {
  const times = new Map<string, number>();
  for (let start = 0; start < files.length; start += CHUNK) {
    const chunk = files.slice(start, start + CHUNK);
    const result = spawnSync("git", ["log", "--diff-filter=A", "--no-renames", "--relative", "--format=%x00%at", "--name-only", "--", ...chunk], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0 || !result.stdout) continue;
    // Newest commits come first, so the last time seen for a file is when it was added.
    for (const block of result.stdout.split("\0")) {
      const [time, ...names] = block.split("\n").filter(Boolean);
      const seconds = Number(time);
      if (!Number.isFinite(seconds)) continue;
      for (const name of names) times.set(name, seconds);
    }
  }
  return times;
}
