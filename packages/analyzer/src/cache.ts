import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { FileIndex, FunctionUnit } from "./types.js";

/** Bump when the layout of the cache file changes. */
const FORMAT = 5;
let cacheVersion: string | undefined;

/**
 * What a cache file must have been written by to be reused: the layout, ts-morph's version (it pins its
 * TypeScript; read from its package.json, so a warm run never loads the compiler) and a stamp of the
 * analyzer's own code. Computed on first use, not when the module loads: the editor loads the analyzer
 * for rules that may never open a cache.
 */
function currentCacheVersion(): string {
  cacheVersion ??= `${FORMAT}:${(createRequire(import.meta.url)("ts-morph/package.json") as { version: string }).version}:${analyzerCodeStamp()}`;
  return cacheVersion;
}

/**
 * A stamp of the analyzer's own code (this folder's modules): any change to extraction, normalisation or
 * matching makes old entries and the cached matching stale, without anyone having to remember to bump a
 * number. Names, sizes and modification times, not contents: a rebuild or an upgrade rewrites the files,
 * and a stat costs a fraction of a read (the stamp is taken in the editor too).
 */
export function analyzerCodeStamp(dir = path.dirname(fileURLToPath(import.meta.url))): string {
  const digest = createHash("sha1");
  const modules = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => /\.[cm]?[jt]s$/.test(file) && !/\.d\.[cm]?ts$/.test(file));
  for (const file of modules.sort()) {
    const { size, mtimeMs } = statSync(path.join(dir, file));
    digest.update(`${file}\0${size}\0${mtimeMs}\0`);
  }
  return digest.digest("hex").slice(0, 16);
}
// v8's structured serialisation: one read, typed arrays stored as bytes, no JSON of a large tree.
const FILE_NAME = "analyzer-index.v8";

type StoredUnit = Omit<FunctionUnit, "tokens"> & { tokens: Uint32Array };
interface StoredIndex extends Omit<FileIndex, "units"> {
  units: StoredUnit[];
}

/** What a file looked like when it was last hashed: while these match, its content hash is reused without reading it. */
export interface FileStamp {
  mtimeMs: number;
  ctimeMs: number;
  size: number;
  hash: string;
}

/** A unit by position: its file and its index in that file's `units`. */
export type StoredRef = [file: string, unit: number];

/** The families of the last matching, and the set of (file, content hash) pairs they were computed from. */
export interface StoredMatch {
  key: string;
  families: { canonical: StoredRef; members: StoredRef[] }[];
}

interface StoredCache {
  version: string;
  entries: Map<string, StoredIndex>;
  blame: Map<string, number>;
  stamps: Map<string, FileStamp>;
  match?: StoredMatch;
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

/**
 * The key of a matching: which files, with which content, under which analyzer version. Equal keys mean
 * equal unit sets and import graphs, hence equal clone pairs and families (blame times aside, see analyze.ts).
 */
export function matchKey(hashes: ReadonlyMap<string, string>): string {
  const digest = createHash("sha1").update(currentCacheVersion());
  for (const file of [...hashes.keys()].sort()) digest.update(`${file}\0${hashes.get(file)}\n`);
  return digest.digest("hex");
}

/**
 * File indexes keyed by the file's content hash (a file that did not change is never parsed again), file
 * stamps (a file whose size and times did not change is not even read), `git blame` times, and the last
 * matching (reused when no file changed).
 */
export class IndexCache {
  private readonly used = new Map<string, StoredIndex>();
  private readonly usedBlame = new Map<string, number>();
  private readonly usedStamps = new Map<string, FileStamp>();
  private match: StoredMatch | undefined;
  private dirty = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly stored: StoredCache,
  ) {
    this.match = stored.match;
  }

  /** Opens the cache in `dir` (undefined: a cache that only lives in memory). A corrupt or stale file is ignored. */
  static open(dir: string | undefined): IndexCache {
    const empty = (): StoredCache => ({ version: currentCacheVersion(), entries: new Map(), blame: new Map(), stamps: new Map() });
    if (!dir) return new IndexCache(undefined, empty());
    const file = path.join(dir, FILE_NAME);
    try {
      const data = deserialize(readFileSync(file)) as Partial<StoredCache>;
      if (data.version === currentCacheVersion() && data.entries instanceof Map && data.blame instanceof Map && data.stamps instanceof Map) return new IndexCache(file, data as StoredCache);
    } catch {
      // Missing or unreadable: start empty, and rewrite it on save.
    }
    return new IndexCache(file, empty());
  }

  has(hash: string): boolean {
    return this.stored.entries.has(hash);
  }

  get(hash: string): FileIndex | undefined {
    const stored = this.stored.entries.get(hash);
    if (!stored) return undefined;
    this.used.set(hash, stored);
    return { ...stored, units: stored.units.map(decodeUnit) };
  }

  set(hash: string, index: FileIndex): void {
    const stored = { ...index, units: index.units.map(encodeUnit) };
    this.stored.entries.set(hash, stored);
    this.used.set(hash, stored);
    this.dirty = true;
  }

  /** The content hash recorded for `file` when its size and times were these, if they still are. */
  stampedHash(file: string, stamp: Omit<FileStamp, "hash">): string | undefined {
    const known = this.stored.stamps.get(file);
    if (!known || known.mtimeMs !== stamp.mtimeMs || known.ctimeMs !== stamp.ctimeMs || known.size !== stamp.size) return undefined;
    this.usedStamps.set(file, known);
    return known.hash;
  }

  setStamp(file: string, stamp: FileStamp): void {
    this.usedStamps.set(file, stamp);
    const known = this.stored.stamps.get(file);
    if (!known || known.hash !== stamp.hash || known.mtimeMs !== stamp.mtimeMs || known.ctimeMs !== stamp.ctimeMs || known.size !== stamp.size) this.dirty = true;
  }

  blameTime(key: string): number | undefined {
    const time = this.stored.blame.get(key);
    if (time !== undefined) this.usedBlame.set(key, time);
    return time;
  }

  setBlameTime(key: string, time: number): void {
    this.stored.blame.set(key, time);
    this.usedBlame.set(key, time);
    this.dirty = true;
  }

  /**
   * The last matching, when it was computed from exactly these files and contents. Reusing it keeps every
   * blame time: they are what it rested on, and what the next matching (after an edit) needs again.
   */
  matchFor(key: string): StoredMatch | undefined {
    if (this.match?.key !== key) return undefined;
    for (const [blameKey, time] of this.stored.blame) this.usedBlame.set(blameKey, time);
    return this.match;
  }

  /** Records a matching (undefined: forget the last one, e.g. when it depended on uncommitted lines). */
  setMatch(match: StoredMatch | undefined): void {
    if (this.match === match) return;
    this.match = match;
    this.dirty = true;
  }

  /** Writes the entries this run used (so deleted and edited files' old entries drop out). */
  save(): void {
    const unchanged =
      !this.dirty && this.used.size === this.stored.entries.size && this.usedBlame.size === this.stored.blame.size && (this.usedStamps.size === 0 || this.usedStamps.size === this.stored.stamps.size);
    if (!this.file || unchanged) return;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      // A user of the cache that stamps no file (the editor's index) keeps the batch run's stamps as they were.
      const stamps = this.usedStamps.size ? this.usedStamps : this.stored.stamps;
      const data: StoredCache = { version: currentCacheVersion(), entries: this.used, blame: this.usedBlame, stamps, ...(this.match ? { match: this.match } : {}) };
      writeFileSync(temporary, serialize(data));
      renameSync(temporary, this.file); // atomic: a concurrent reader sees the old file or the new one
    } catch {
      // A read-only checkout still gets its analysis; only the next run is slower.
    }
  }
}

function encodeUnit(unit: FunctionUnit): StoredUnit {
  return { ...unit, tokens: Uint32Array.from(unit.tokens) };
}

function decodeUnit(unit: StoredUnit): FunctionUnit {
  return { ...unit, tokens: Array.from(unit.tokens) };
}
