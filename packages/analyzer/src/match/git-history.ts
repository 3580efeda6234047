import { spawn, spawnSync } from "node:child_process";

/**
 * When a line was last written, from `git blame` (seconds since the epoch): a function added to an old
 * file is as young as its own lines, not as old as the file. Undefined outside git.
 */
export function lineWrittenTime(root: string, file: string, line: number): number | undefined {
  const result = spawnSync("git", ["blame", "--porcelain", "-L", `${line},${line}`, "--", file], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) return undefined;
  const match = /^author-time (\d+)$/m.exec(result.stdout);
  return match ? Number(match[1]) : undefined;
}

const UNCOMMITTED = /^0{40}$/;

/** Blames the given lines of one file in one `git blame` (several -L ranges); uncommitted lines are left out. */
function blameFile(root: string, file: string, lines: readonly number[]): Promise<Map<number, number>> {
  return new Promise((resolve) => {
    const args = ["blame", "--porcelain", ...lines.flatMap((line) => ["-L", `${line},${line}`]), "--", file];
    const child = spawn("git", args, { cwd: root, stdio: ["ignore", "pipe", "ignore"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", () => resolve(new Map()));
    child.on("close", (code) => {
      const times = new Map<number, number>();
      if (code !== 0) return resolve(times);
      // Porcelain gives each commit's author-time once, on its first line only.
      const commitTimes = new Map<string, number>();
      const lineCommits: [number, string][] = [];
      let current = "";
      for (const text of output.split("\n")) {
        const header = /^([0-9a-f]{40}) \d+ (\d+)/.exec(text);
        if (header) {
          current = header[1]!;
          lineCommits.push([Number(header[2]), current]);
        } else if (text.startsWith("author-time ")) commitTimes.set(current, Number(text.slice(12)));
      }
      for (const [line, commit] of lineCommits) {
        const time = commitTimes.get(commit);
        if (time !== undefined && !UNCOMMITTED.test(commit)) times.set(line, time);
      }
      resolve(times);
    });
  });
}

/** `git blame` times of many lines, one process per file, several at a time (git waits on disk more than on CPU). */
export async function blameLines(root: string, requests: ReadonlyMap<string, readonly number[]>, concurrency = 8): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  const queue = [...requests];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [file, lines] = next;
      for (const [line, time] of await blameFile(root, file, lines)) result.set(`${file}:${line}`, time);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}
