import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * JSON files under a cache folder. Reads look through `readDirs` in order (e.g. a committed seed first),
 * writes go to `writeDir` only. A corrupt entry reads as a miss.
 */
export class DiskCache {
  constructor(
    private readonly writeDir: string | undefined,
    private readonly readDirs: readonly string[] = writeDir ? [writeDir] : [],
  ) {}

  static key(kind: "packuments" | "surfaces", name: string, version?: string): string {
    const safe = name.replace(/\//g, "__");
    return `${kind}/${version ? `${safe}@${version}` : safe}.json`;
  }

  get<T>(key: string): T | undefined {
    return this.entry<T>(key)?.value;
  }

  /** The value and whether it came from a read-only (committed) folder, whose entries never go stale. */
  entry<T>(key: string): { value: T; seeded: boolean } | undefined {
    for (const dir of this.readDirs) {
      try {
        return { value: JSON.parse(readFileSync(path.join(dir, key), "utf8")) as T, seeded: dir !== this.writeDir };
      } catch {
        // missing or unreadable: try the next folder
      }
    }
    return undefined;
  }

  put(key: string, value: unknown): void {
    if (!this.writeDir) return;
    const file = path.join(this.writeDir, key);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify(value)}\n`);
      renameSync(temp, file); // atomic, so a parallel run never reads half a file
    } catch {
      // a read-only cache folder only costs speed
    }
  }
}
