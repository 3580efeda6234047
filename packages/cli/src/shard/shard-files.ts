import { statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";

/** `--shard i/n`: this run is shard `index` (1-based) of `count`. */
export interface ShardSpec {
  index: number;
  count: number;
}

export function parseShard(value: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard ${value} is not i/n with 1 ≤ i ≤ n`, "e.g. --shard 2/4 for the second of four shards");
  }
  return { index, count };
}

/**
 * The files of one shard. Every machine computes the same split from the same checkout: files are
 * sorted by size (largest first, then by path), and each goes to the shard with the fewest bytes so
 * far (lowest index on ties), so shards are balanced by size, not by file count.
 */
export function filesOfShard(root: string, files: readonly string[], shard: ShardSpec): string[] {
  const sized = files.map((file) => ({ file, size: sizeOf(path.join(root, file)) }));
  sized.sort((a, b) => b.size - a.size || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const load = new Array<number>(shard.count).fill(0);
  const mine: string[] = [];
  for (const { file, size } of sized) {
    let target = 0;
    for (let i = 1; i < shard.count; i++) if (load[i]! < load[target]!) target = i;
    load[target]! += size;
    if (target === shard.index - 1) mine.push(file);
  }
  return mine.sort();
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    // A file deleted since discovery weighs nothing; every machine sees the same checkout, so the split stays the same.
    return 0;
  }
}
