import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { defaultCacheDir, IndexCache } from "./cache.js";
import { extractFileIndex } from "./extract/extract-units.js";
import { canonicalContext } from "./find-duplicates.js";
import { contentHash } from "./hash.js";
import { listSourceFiles } from "./list-files.js";
import { chooseCanonical, type CanonicalContext } from "./match/canonical.js";
import { cloneSimilarity, toComparable, type Comparable } from "./match/find-clone-pairs.js";
import { bandKeys, minhashSignature } from "./match/minhash.js";
import { duplicateMessage } from "./message.js";
import { analyzerSkipReason } from "./select-files.js";
import type { Duplicate, FileIndex, UnitRef } from "./types.js";

interface IndexedFile {
  mtimeMs: number;
  size: number;
  hash: string;
  index: FileIndex;
  /** The file's units with what matching needs, and the LSH keys they were filed under. */
  entries: { ref: UnitRef; comparable: Comparable; keys: number[] }[];
}

export interface RepoIndexOptions {
  /** How often, at most, the files are checked for changes (ms). */
  refreshIntervalMs?: number;
  /** How often the file list itself is read again, for added and deleted files (ms). */
  rediscoverIntervalMs?: number;
  cacheDir?: string | false;
}

const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * A long-lived index of a repository's function units for the editor: built on first use (from the
 * on-disk cache where file hashes match), then kept current file by file — a changed file is re-read and
 * re-parsed, nothing else is. Queries compare a buffer's text against the rest of the repository.
 */
export class RepoIndex {
  private static readonly instances = new Map<string, RepoIndex>();
  private readonly files = new Map<string, IndexedFile>();
  private readonly exact = new Map<string, Set<UnitRef>>();
  private readonly buckets = new Map<number, Set<UnitRef>>();
  private readonly comparables = new Map<UnitRef, Comparable>();
  private readonly cache: IndexCache;
  private context: CanonicalContext | undefined;
  private lastRefresh = 0;
  private lastDiscovery = 0;
  /** Files parsed since the index was created (for tests and --debug). */
  parsedFiles = 0;

  private constructor(
    readonly root: string,
    private readonly options: RepoIndexOptions,
  ) {
    this.cache = IndexCache.open(options.cacheDir === false ? undefined : (options.cacheDir ?? defaultCacheDir(root)));
  }

  /** The index of a repository root, shared by every lint in this process. */
  static for(root: string, options: RepoIndexOptions = {}): RepoIndex {
    const key = path.resolve(root);
    let index = RepoIndex.instances.get(key);
    if (!index) RepoIndex.instances.set(key, (index = new RepoIndex(key, options)));
    return index;
  }

  /** Brings the index up to date, cheaply: stats files at most once per refresh interval and parses only changed ones. */
  refresh(now = Date.now()): void {
    const refreshEvery = this.options.refreshIntervalMs ?? 1000;
    if (this.lastRefresh && now - this.lastRefresh < refreshEvery) return;
    this.lastRefresh = now;
    let changed = false;
    if (!this.lastDiscovery || now - this.lastDiscovery >= (this.options.rediscoverIntervalMs ?? 10_000)) {
      this.lastDiscovery = now;
      const listed = new Set(listSourceFiles(this.root).filter((file) => !analyzerSkipReason(file)));
      for (const file of [...this.files.keys()]) {
        if (!listed.has(file)) changed = this.remove(file) || changed;
      }
      for (const file of listed) changed = this.update(file) || changed;
    } else {
      for (const file of [...this.files.keys()]) changed = this.update(file) || changed;
    }
    if (changed) {
      this.context = undefined;
      this.cache.save();
    }
  }

  /** Re-reads a file when its size or modification time changed; true when its units changed. */
  private update(file: string): boolean {
    const absolute = path.join(this.root, file);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      return this.remove(file);
    }
    const known = this.files.get(file);
    if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) return false;
    if (stats.size > MAX_FILE_BYTES) return this.remove(file);
    const text = readFileSync(absolute, "utf8");
    const hash = contentHash(text);
    if (known?.hash === hash) {
      known.mtimeMs = stats.mtimeMs;
      return false;
    }
    let index = this.cache.get(hash);
    if (!index) {
      index = extractFileIndex(file, text);
      this.parsedFiles++;
      this.cache.set(hash, index);
    }
    this.remove(file);
    const entries = index.units.map((unit) => {
      const ref: UnitRef = { file, unit };
      const comparable = toComparable(ref);
      return { ref, comparable, keys: bandKeys(minhashSignature(comparable.shingles)) };
    });
    for (const entry of entries) this.file(entry.ref, entry.comparable, entry.keys);
    this.files.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, hash, index, entries });
    return true;
  }

  private file(ref: UnitRef, comparable: Comparable, keys: number[]): void {
    this.comparables.set(ref, comparable);
    addTo(this.exact, comparable.exactHash, ref);
    for (const key of keys) addTo(this.buckets, key, ref);
  }

  private remove(file: string): boolean {
    const known = this.files.get(file);
    if (!known) return false;
    for (const { ref, comparable, keys } of known.entries) {
      this.comparables.delete(ref);
      this.exact.get(comparable.exactHash)?.delete(ref);
      for (const key of keys) this.buckets.get(key)?.delete(ref);
    }
    this.files.delete(file);
    return true;
  }

  private canonicalContext(): CanonicalContext {
    if (!this.context) this.context = canonicalContext(this.root, new Map([...this.files].map(([file, known]) => [file, known.index])));
    return this.context;
  }

  /**
   * The duplicates in `text` (the unsaved buffer of `file`, repo-relative) of utilities elsewhere in the
   * repository, when the other copy is the one to keep. A unit whose own copy is canonical is not reported.
   */
  duplicatesIn(file: string, text: string): Duplicate[] {
    if (analyzerSkipReason(file)) return [];
    this.refresh();
    const current = extractFileIndex(file, text);
    const duplicates: Duplicate[] = [];
    for (const unit of current.units) {
      const ref: UnitRef = { file, unit };
      const comparable = toComparable(ref);
      const candidates = new Set<UnitRef>(this.exact.get(comparable.exactHash) ?? []);
      for (const key of bandKeys(minhashSignature(comparable.shingles))) for (const other of this.buckets.get(key) ?? []) candidates.add(other);
      let matches: { ref: UnitRef; similarity: number }[] = [];
      for (const candidate of candidates) {
        if (candidate.file === file) continue; // the file's saved copy: the buffer replaces it
        const similarity = cloneSimilarity(comparable, this.comparables.get(candidate)!);
        if (similarity !== undefined) matches.push({ ref: candidate, similarity });
      }
      if (!matches.length) continue;
      // As in the batch analysis: an identical twin, when there is one, is the family; look-alikes are not.
      const twins = matches.filter((match) => match.ref.unit.exactHash === unit.exactHash);
      if (twins.length) matches = twins;
      const canonical = chooseCanonical([ref, ...matches.map((match) => match.ref)], this.canonicalContext());
      if (canonical === ref) continue;
      const similarity = matches.find((match) => match.ref === canonical)!.similarity;
      duplicates.push({
        copy: ref,
        canonical,
        others: [canonical, ...matches.map((match) => match.ref).filter((other) => other !== canonical)],
        similarity,
        match: similarity === 1 ? "exact" : "near",
        message: duplicateMessage(ref, canonical, similarity),
      });
    }
    return duplicates;
  }
}

function addTo<K>(map: Map<K, Set<UnitRef>>, key: K, ref: UnitRef): void {
  const set = map.get(key);
  if (set) set.add(ref);
  else map.set(key, new Set([ref]));
}
export { defaultCacheDir } from "./cache.js";
