import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "@vibeguard/core";
import { defaultCacheDir, IndexCache, matchKey, type StoredMatch, type StoredRef } from "./cache.js";
import type { BlameRequest } from "./blame-helper.js";
import type { SourceText } from "./extract/extract-files.js";
import { canonicalContext, duplicatesOfFamilies, familiesOf, planClones } from "./find-duplicates.js";
import { blameLines } from "./match/git-history.js";
import { contentHash } from "./hash.js";
import { analyzerSkipReason, type FileSelection } from "./select-files.js";
import type { CloneFamily, Duplicate, FileIndex, FunctionUnit, UnitRef } from "./types.js";

/** Files changed this recently are not stamped: a second write in the same clock tick would leave their times as they are. */
const RACY_MS = 2000;

export interface AnalyzeOptions extends FileSelection {
  /** Absolute repository root. */
  root: string;
  /** Repo-relative POSIX paths (already filtered by discovery: .gitignore, config ignores, minified, generated headers). */
  files: readonly string[];
  /** Cache folder; false for none. Default: node_modules/.cache/vibeguard under the root. */
  cacheDir?: string | false;
  /** Threads for parsing (default: one per idle core less one, so 1 on a 2-core machine; see defaultThreads). */
  threads?: number;
  progress?: (done: number, total: number) => void;
  debug?: (message: string) => void;
}

export interface AnalyzeStats {
  files: number;
  parsed: number;
  fromCache: number;
  /** Files whose size and times had not changed since they were last hashed: not even read. */
  unread: number;
  /** Units whose `git blame` time was asked of git this run (the others came from the cache). */
  blamed: number;
  /** Threads that parsed (0: nothing to parse). */
  threads: number;
  /** The clone matching was the last run's (no file was added, removed or changed). */
  matchReused: boolean;
  units: number;
  families: number;
  skipped: { test: number; vendored: number };
  milliseconds: { read: number; extract: number; match: number };
}

export interface AnalyzeResult {
  duplicates: Duplicate[];
  families: CloneFamily[];
  /** Each analysed file's index (what `matchIndexes` needs to redo the matching elsewhere, e.g. at shard merge). */
  indexes: ReadonlyMap<string, FileIndex>;
  /** Each analysed file's content hash (the key of its cached blame times). */
  hashes: ReadonlyMap<string, string>;
  diagnostics: Diagnostic[];
  stats: AnalyzeStats;
}

/** Reads the files, indexes what the cache lacks, and finds duplicated utilities across them. */
export async function analyzeDuplicates(options: AnalyzeOptions): Promise<AnalyzeResult> {
  const debug = options.debug ?? (() => {});
  const diagnostics: Diagnostic[] = [];
  const skipped = { test: 0, vendored: 0 };
  const files = options.files.filter((file) => {
    const reason = analyzerSkipReason(file, options);
    if (reason) skipped[reason]++;
    return !reason;
  });

  let started = performance.now();
  const cache = IndexCache.open(options.cacheDir === false ? undefined : (options.cacheDir ?? defaultCacheDir(options.root)));
  const indexes = new Map<string, FileIndex>();
  const hashes = new Map<string, string>();
  const toExtract: (SourceText & { hash: string })[] = [];
  let unread = 0;
  for (const file of files) {
    const absolute = path.join(options.root, file);
    let text: string | undefined;
    let hash: string;
    try {
      const { mtimeMs, ctimeMs, size } = statSync(absolute);
      const stamped = cache.stampedHash(file, { mtimeMs, ctimeMs, size });
      if (stamped && cache.has(stamped)) {
        hash = stamped;
        unread++;
      } else {
        text = readFileSync(absolute, "utf8");
        hash = contentHash(text);
        // A file written in the same clock tick as this read could change again without its times moving: not stamped.
        if (Math.max(mtimeMs, ctimeMs) < Date.now() - RACY_MS) cache.setStamp(file, { mtimeMs, ctimeMs, size, hash });
      }
    } catch (error) {
      diagnostics.push({ engine: "analyzer", kind: "engine-error", path: file, message: `${file}: could not read: ${(error as Error).message}` });
      continue;
    }
    hashes.set(file, hash);
    const cached = cache.get(hash);
    if (cached) indexes.set(file, cached);
    else toExtract.push({ file, text: text ?? readFileSync(absolute, "utf8"), hash });
  }
  const read = performance.now() - started;

  started = performance.now();
  const total = files.length;
  const fromCache = indexes.size;
  options.progress?.(fromCache, total);
  // Loaded only when something is left to parse: the compiler takes longer to load than a warm run takes.
  const { indexes: extracted, threads } =
    toExtract.length === 0
      ? { indexes: [], threads: 0 }
      : await (await import("./extract/extract-files.js")).extractFiles(toExtract, { threads: options.threads, onProgress: (done) => options.progress?.(fromCache + done, total) });
  extracted.forEach((index, position) => {
    const { file, hash } = toExtract[position]!;
    cache.set(hash, index);
    indexes.set(file, index);
  });
  const extract = performance.now() - started;

  for (const file of files) {
    const error = indexes.get(file)?.parseError;
    if (error) {
      diagnostics.push({
        engine: "analyzer",
        kind: "parse-error",
        path: file,
        line: error.line,
        message: `${file}:${error.line}:${error.column}: could not parse: ${error.message}`,
      });
    }
  }

  started = performance.now();
  const { families, duplicates, reused, blamed } = await matchIndexes(options.root, indexes, hashes, cache, debug);
  cache.save();
  const match = performance.now() - started;
  const units = [...indexes.values()].reduce((sum, index) => sum + index.units.length, 0);
  debug(`analyzer: ${files.length} files (${fromCache} from cache, ${unread} unchanged since last read), ${units} units, ${families.length} families; read ${Math.round(read)} ms, parse ${Math.round(extract)} ms${threads > 1 ? ` on ${threads} threads` : ""}, match ${Math.round(match)} ms${reused ? " (the last run's, no file changed)" : ""}`);
  return {
    duplicates,
    families,
    indexes,
    hashes,
    diagnostics,
    stats: { files: files.length, parsed: toExtract.length, fromCache, unread, matchReused: reused, blamed, threads, units, families: families.length, skipped, milliseconds: { read, extract, match } },
  };
}

/**
 * Clone families and duplicates across already indexed files: the repository-wide step, kept apart from
 * reading and parsing so a sharded scan can index files on many machines and match them in one place.
 * `hashes` (file → content hash) keys the blame times kept in `cache`.
 */
export async function matchIndexes(
  root: string,
  indexes: ReadonlyMap<string, FileIndex>,
  hashes: ReadonlyMap<string, string>,
  cache: IndexCache,
  debug?: (message: string) => void,
): Promise<{ families: CloneFamily[]; duplicates: Duplicate[]; reused: boolean; blamed: number }> {
  const key = matchKey(new Map([...indexes.keys()].map((file) => [file, hashes.get(file) ?? ""])));
  const reused = restoreFamilies(cache.matchFor(key), indexes);
  if (reused) return { families: reused, duplicates: duplicatesOfFamilies(reused), reused: true, blamed: 0 };

  // Files are matched in path order so results do not depend on which thread finished first.
  const ordered = new Map([...indexes].sort(([a], [b]) => a.localeCompare(b)));
  const plan = planClones(ordered);
  // A dry run of the grouping records which units the cheap signs leave tied; only those are blamed.
  const tied = new Set<UnitRef>();
  familiesOf(plan, { ...canonicalContext(root, ordered), writtenAt: (ref) => void tied.add(ref) });
  const blameStarted = performance.now();
  const { times: lineTimes, asked: blamed } = await blameTimes(root, [...tied], hashes, cache, debug);
  debug?.(`analyzer: ${tied.size} units tied on every sign but history, ${blamed} of them blamed in git: ${Math.round(performance.now() - blameStarted)} ms`);
  const result = familiesOf(plan, canonicalContext(root, ordered, lineTimes));
  // Kept for the next run only when every tie was settled by a committed line: an uncommitted one gets a
  // time once it is committed, which can change the canonical choice while no file's content changes.
  const settled = [...tied].every((ref) => lineTimes.get(`${ref.file}:${ref.unit.startLine}`) !== undefined);
  cache.setMatch(settled ? storeFamilies(key, result.families, indexes) : undefined);
  return { ...result, reused: false, blamed };
}

/** Families as unit positions (file, index in the file's units), for the cache. */
function storeFamilies(key: string, families: readonly CloneFamily[], indexes: ReadonlyMap<string, FileIndex>): StoredMatch {
  const positions = new Map<FunctionUnit, StoredRef>();
  for (const [file, index] of indexes) index.units.forEach((unit, position) => positions.set(unit, [file, position]));
  const at = (ref: UnitRef) => positions.get(ref.unit)!;
  return { key, families: families.map((family) => ({ canonical: at(family.canonical), members: family.members.map(at) })) };
}

/** Families back from unit positions; undefined when a position no longer holds a unit (then the matching is redone). */
function restoreFamilies(stored: StoredMatch | undefined, indexes: ReadonlyMap<string, FileIndex>): CloneFamily[] | undefined {
  if (!stored) return undefined;
  // One object per unit: duplicatesOf tells the canonical member from the others by identity.
  const refs = new Map<string, UnitRef>();
  const refAt = ([file, position]: StoredRef): UnitRef | undefined => {
    const id = `${file}\0${position}`;
    let ref = refs.get(id);
    if (!ref) {
      const unit = indexes.get(file)?.units[position];
      if (!unit) return undefined;
      refs.set(id, (ref = { file, unit }));
    }
    return ref;
  };
  const families: CloneFamily[] = [];
  for (const family of stored.families) {
    const canonical = refAt(family.canonical);
    const members = family.members.map(refAt);
    if (!canonical || members.some((member) => !member)) return undefined;
    families.push({ canonical, members: members as UnitRef[] });
  }
  return families;
}

/**
 * A blame time's cache key: the file, its content and the line. Not the content alone: two files with the
 * same text (a copied file) have the same lines written at different times.
 */
function blameKey(file: string, hash: string | undefined, line: number): string {
  return `${file}\0${hash}:${line}`;
}

/**
 * When each cloned unit's first line was written (`git blame`), for the canonical choice: from the cache
 * where the file's content is unchanged, else one blame per file, several files at a time.
 */
async function blameTimes(
  root: string,
  units: readonly UnitRef[],
  hashes: ReadonlyMap<string, string>,
  cache: IndexCache,
  debug?: (message: string) => void,
): Promise<{ times: Map<string, number | undefined>; asked: number }> {
  const times = new Map<string, number | undefined>();
  const missing = new Map<string, number[]>();
  let asked = 0;
  for (const { file, unit } of units) {
    const cached = cache.blameTime(blameKey(file, hashes.get(file), unit.startLine));
    if (cached !== undefined) times.set(`${file}:${unit.startLine}`, cached);
    else {
      missing.set(file, [...(missing.get(file) ?? []), unit.startLine]);
      asked++;
    }
  }
  if (missing.size) {
    for (const [file, lines] of missing) for (const line of lines) times.set(`${file}:${line}`, undefined);
    for (const [key, time] of await blameManyLines(root, missing, debug)) {
      times.set(key, time);
      const split = key.lastIndexOf(":");
      const file = key.slice(0, split);
      cache.setBlameTime(blameKey(file, hashes.get(file), Number(key.slice(split + 1))), time);
    }
  }
  return { times, asked };
}

/** From this many files on, the blames run in a helper process (its start costs less than the forks it saves). */
const BLAME_HELPER_MIN_FILES = 16;

/**
 * `git blame` times for many lines: in a small helper process when there are many files (each git forked from
 * this process, which holds every index by now, costs two to three times as much), else here. The compiled
 * helper is absent when running from TypeScript sources (tests): then here too, as on any helper failure.
 */
async function blameManyLines(root: string, requests: ReadonlyMap<string, readonly number[]>, debug?: (message: string) => void): Promise<Map<string, number>> {
  const helper = fileURLToPath(new URL("./blame-helper.js", import.meta.url));
  if (requests.size < BLAME_HELPER_MIN_FILES || !existsSync(helper)) return blameLines(root, requests);
  debug?.(`analyzer: git blame of ${requests.size} files in a helper process`);
  const fromHelper = await new Promise<Map<string, number> | undefined>((resolve) => {
    const child = spawn(process.execPath, [helper], { stdio: ["pipe", "pipe", "ignore"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", () => resolve(undefined));
    child.on("close", (code) => {
      try {
        resolve(code === 0 ? new Map(JSON.parse(output) as [string, number][]) : undefined);
      } catch {
        resolve(undefined); // a cut-off reply: blame here instead
      }
    });
    child.stdin.on("error", () => {}); // a helper that died early is handled on close
    child.stdin.end(JSON.stringify({ root, requests: [...requests].map(([file, lines]) => [file, [...lines]]) } satisfies BlameRequest));
  });
  return fromHelper ?? blameLines(root, requests);
}
