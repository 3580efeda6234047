import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FileSummary } from "./summary.js";

/** Bump when the summary's shape or extraction changes. */
const FORMAT = 6;
const FILE_NAME = "auth-routes.json";

export function contentHash(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/** node_modules/.cache/vibeguard when the project has node_modules, else a folder per project under the system's temporary directory. */
function cacheDirOf(root: string): string {
  const nodeModules = path.join(root, "node_modules");
  if (existsSync(nodeModules)) return path.join(nodeModules, ".cache", "vibeguard");
  return path.join(tmpdir(), "vibeguard-cache", createHash("sha1").update(path.resolve(root)).digest("hex").slice(0, 16));
}

/**
 * File summaries by content hash, on disk: a file that did not change is never parsed again, across
 * editor sessions and scans. Entries not used by the current index are dropped when it is saved.
 */
export class SummaryCache {
  private readonly stored: Map<string, FileSummary | null>;
  private readonly used = new Map<string, FileSummary | null>();
  private dirty = false;

  private constructor(
    private readonly file: string | undefined,
    stored: Map<string, FileSummary | null>,
  ) {
    this.stored = stored;
  }

  static open(root: string, enabled: boolean): SummaryCache {
    if (!enabled) return new SummaryCache(undefined, new Map());
    const file = path.join(cacheDirOf(root), FILE_NAME);
    try {
      const data = JSON.parse(readFileSync(file, "utf8")) as { format?: number; entries?: Record<string, FileSummary | null> };
      if (data.format === FORMAT && data.entries) return new SummaryCache(file, new Map(Object.entries(data.entries)));
    } catch {
      // ignore: a missing or unreadable cache starts empty and is rewritten on save
    }
    return new SummaryCache(file, new Map());
  }

  /** The summary stored for a hash; null when the file was seen and holds no routes; undefined when unknown. */
  get(hash: string): FileSummary | null | undefined {
    const summary = this.used.get(hash) ?? this.stored.get(hash);
    if (summary !== undefined) this.used.set(hash, summary);
    return summary;
  }

  set(hash: string, summary: FileSummary | null): void {
    this.used.set(hash, summary);
    this.dirty = true;
  }

  save(): void {
    if (!this.file || !this.dirty) return;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ format: FORMAT, entries: Object.fromEntries(this.used) }));
      renameSync(temporary, this.file);
      this.dirty = false;
    } catch {
      // ignore: a read-only project still lints; it parses again next time
    }
  }
}
