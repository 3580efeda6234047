import { parentPort } from "node:worker_threads";
import { extractFileIndex } from "./extract-units.js";

export interface ExtractRequest {
  batch: number;
  files: { file: string; text: string }[];
}

export interface ExtractResponse {
  batch: number;
  indexes: ReturnType<typeof extractFileIndex>[];
}

// Runs in a worker thread: indexes the files it is sent and posts the results back.
parentPort?.on("message", (request: ExtractRequest) => {
  const indexes = request.files.map(({ file, text }) => {
    try {
      return extractFileIndex(file, text);
    } catch (error) {
      return { units: [], imports: [], parseError: { line: 1, column: 1, message: `analyzer failed on this file: ${(error as Error).message}` } };
    }
  });
  parentPort!.postMessage({ batch: request.batch, indexes } satisfies ExtractResponse);
});
