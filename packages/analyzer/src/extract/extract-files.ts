import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { FileIndex } from "../types.js";
import type { ExtractRequest, ExtractResponse } from "./extract-worker.js";

export interface SourceText {
  file: string;
  text: string;
}

/** Below this much source, starting a thread (which loads the TypeScript compiler again) costs more than it saves. */
const PARALLEL_MIN_BYTES = 3 * 1024 * 1024;
const BATCH_BYTES = 256 * 1024;
const WORKER_IN_FLIGHT = 2;

type ExtractFileIndex = (file: string, text: string) => FileIndex;

function extractOne(extractFileIndex: ExtractFileIndex, { file, text }: SourceText): FileIndex {
  try {
    return extractFileIndex(file, text);
  } catch (error) {
    // A compiler crash on one odd file must not end the run: it becomes that file's diagnostic.
    return { units: [], imports: [], parseError: { line: 1, column: 1, message: `analyzer failed on this file: ${(error as Error).message}` } };
  }
}

/**
 * Parse threads by default: one per idle core, less one. The one JS thread is never alone: V8 compiles hot code
 * and collects garbage on background threads, which kept 1.5 of 2 cores busy while one thread parsed (2.1 s of
 * CPU in 1.4 s). With a second parse thread on 2 cores, both loaded the compiler at once and contended with
 * those threads: slower in every run, loaded or not (bench/clones-results.md). Threads also help only on idle
 * cores: on a busy machine (Linux groups a session's threads for the scheduler) they share the same slice.
 */
export function defaultThreads(cores = availableParallelism(), load = loadavg()[0] ?? 0): number {
  const idle = Math.min(cores, Math.round(cores - load));
  return Math.max(1, idle - 1);
}

/** The compiled worker script; absent when running from TypeScript sources (tests), where extraction stays on this thread. */
function workerScript(): string | undefined {
  const script = fileURLToPath(new URL("./extract-worker.js", import.meta.url));
  return existsSync(script) ? script : undefined;
}

/**
 * Indexes files, on this thread and `threads - 1` worker threads when the input is large enough.
 * Batches are handed out as threads free up, so a few huge files do not leave a core idle.
 */
export interface ExtractOptions {
  /** Threads to use at most (default: `defaultThreads()`). */
  threads?: number;
  /** Below this much source, all on this thread (default 3 MiB: starting a thread costs about half a second of CPU). */
  minParallelBytes?: number;
  onProgress?: (done: number) => void;
}

export async function extractFiles(sources: readonly SourceText[], options: ExtractOptions): Promise<{ indexes: FileIndex[]; threads: number }> {
  const results: FileIndex[] = new Array(sources.length);
  const totalBytes = sources.reduce((sum, source) => sum + source.text.length, 0);
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), 8));
  const script = workerScript();
  let done = 0;
  // The compiler is loaded here, on demand; with workers, only once they are started, so all threads load it at once.
  const loadExtractor = async () => (await import("./extract-units.js")).extractFileIndex;
  if (threads === 1 || totalBytes < (options.minParallelBytes ?? PARALLEL_MIN_BYTES) || !script) {
    const extractFileIndex = await loadExtractor();
    sources.forEach((source, index) => {
      results[index] = extractOne(extractFileIndex, source);
      options.onProgress?.(++done);
    });
    return { indexes: results, threads: 1 };
  }

  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  sources.forEach((source, index) => {
    current.push(index);
    bytes += source.text.length;
    if (bytes >= BATCH_BYTES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
  });
  if (current.length) batches.push(current);
  let next = 0;

  // Workers start first: each loads the compiler while this thread loads its own.
  const workers = Array.from({ length: threads - 1 }, () => new Worker(script));
  try {
    const finished = workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let pending = 0;
          const send = () => {
            if (next >= batches.length) {
              if (pending === 0) resolve();
              return;
            }
            const batch = next++;
            pending++;
            const request: ExtractRequest = { batch, files: batches[batch]!.map((index) => sources[index]!) };
            worker.postMessage(request);
          };
          worker.on("message", (response: ExtractResponse) => {
            pending--;
            batches[response.batch]!.forEach((index, position) => {
              results[index] = response.indexes[position]!;
            });
            done += response.indexes.length;
            options.onProgress?.(done);
            send();
          });
          worker.on("error", reject);
          // Two batches in flight: this thread reads replies only between its own batches, and the worker must not wait for that.
          for (let i = 0; i < WORKER_IN_FLIGHT; i++) send();
        }),
    );
    // Handled now, awaited below: a worker failing while this thread parses must not be an unhandled rejection.
    const allFinished = Promise.all(finished);
    allFinished.catch(() => {});
    const extractFileIndex = await loadExtractor();
    // This thread takes batches too, yielding between them so worker replies are handled promptly.
    while (next < batches.length) {
      const batch = batches[next++]!;
      for (const index of batch) results[index] = extractOne(extractFileIndex, sources[index]!);
      done += batch.length;
      options.onProgress?.(done);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await allFinished;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { indexes: results, threads: workers.length + 1 };
}
