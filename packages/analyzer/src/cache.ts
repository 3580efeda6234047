import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FileIndex, FunctionUnit } from "./types.js";

/** Bump when extraction or normalisation changes: old entries would compare wrongly with new ones. */
const FORMAT = 4;
// ts-morph's version (it pins its TypeScript), read from its package.json: a warm run never loads the compiler.
const VERSION = `${FORMAT}:${(createRequire(import.meta.url)("ts-morph/package.json") as { version: string }).version}`;
const FILE_NAME = "analyzer-index.json";

type StoredUnit = Omit<FunctionUnit, "tokens"> & { tokens: string };
interface StoredIndex extends Omit<FileIndex, "units"> {
  units: StoredUnit[];
}

/**
 * Where the cache lives: node_modules/.cache/vibeguard when the project has node_modules, else a folder
 * per project under the system's temporary directory (a scan never adds files to the project itself).
 */
export function defaultCacheDir(root: string): string {
  const nodeModules = path.join(root, "node_modules");
  if (existsSync(nodeModules)) return path.join(nodeModules, ".cache", "vibeguard");
  return path.join(tmpdir(), "vibeguard-cache", createHash("sha1").update(path.resolve(root)).digest("hex").slice(0, 16));
}

/** File indexes keyed by the file's content hash: a file that did not change is never parsed again. */
export class IndexCache {
  private readonly stored: Map<string, StoredIndex>;
  private readonly used = new Map<string, StoredIndex>();
  /** `git blame` times by `contentHash:line`: a committed line of unchanged content keeps its time. */
  private readonly blame: Map<string, number>;
  private readonly usedBlame = new Map<string, number>();
  private dirty = false;

  private constructor(
    private readonly file: string | undefined,
    stored: Map<string, StoredIndex>,
    blame: Map<string, number> = new Map(),
  ) {
    this.stored = stored;
    this.blame = blame;
  }

  /** Opens the cache in `dir` (undefined: a cache that only lives in memory). A corrupt or stale file is ignored. */
  static open(dir: string | undefined): IndexCache {
    if (!dir) return new IndexCache(undefined, new Map());
    const file = path.join(dir, FILE_NAME);
    try {
      const data = JSON.parse(readFileSync(file, "utf8")) as { version?: string; entries?: Record<string, StoredIndex>; blame?: Record<string, number> };
      if (data.version === VERSION && data.entries) return new IndexCache(file, new Map(Object.entries(data.entries)), new Map(Object.entries(data.blame ?? {})));
    } catch {
      // Missing or unreadable: start empty, and rewrite it on save.
    }
    return new IndexCache(file, new Map());
  }

  get(hash: string): FileIndex | undefined {
    const stored = this.stored.get(hash);
    if (!stored) return undefined;
    this.used.set(hash, stored);
    return { ...stored, units: stored.units.map(decodeUnit) };
  }

  set(hash: string, index: FileIndex): void {
    const stored = { ...index, units: index.units.map(encodeUnit) };
    this.stored.set(hash, stored);
    this.used.set(hash, stored);
    this.dirty = true;
  }

  blameTime(key: string): number | undefined {
    const time = this.blame.get(key);
    if (time !== undefined) this.usedBlame.set(key, time);
    return time;
  }

  setBlameTime(key: string, time: number): void {
    this.blame.set(key, time);
    this.usedBlame.set(key, time);
    this.dirty = true;
  }

  /** Writes the entries this run used (so deleted and edited files' old entries drop out). */
  save(): void {
    if (!this.file || (!this.dirty && this.used.size === this.stored.size && this.usedBlame.size === this.blame.size)) return;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ version: VERSION, entries: Object.fromEntries(this.used), blame: Object.fromEntries(this.usedBlame) }));
      renameSync(temporary, this.file); // atomic: a concurrent reader sees the old file or the new one
    } catch {
      // A read-only checkout still gets its analysis; only the next run is slower.
    }
  }
}

function encodeUnit(unit: FunctionUnit): StoredUnit {
  return { ...unit, tokens: Buffer.from(Uint32Array.from(unit.tokens).buffer).toString("base64") };
}

function decodeUnit(unit: StoredUnit): FunctionUnit {
  const bytes = Buffer.from(unit.tokens, "base64");
  // Copied out: a pooled Buffer's offset need not be a multiple of 4, which a Uint32Array view requires.
  const words = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { ...unit, tokens: Array.from(words) };
}
