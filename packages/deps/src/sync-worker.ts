import { runAsWorker } from "synckit";
import { checkDependencies } from "./run-deps.js";
import type { DepsFinding } from "./types.js";

export interface EditorCheckRequest {
  /** Absolute folder the file path is relative to (ESLint's cwd). */
  root: string;
  /** POSIX path relative to root. */
  file: string;
  /** The editor's text of the file. */
  text: string;
}

// The ESLint rules call this synchronously through synckit. Offline always: the editor reads the cached
// surfaces and node_modules, never the registry.
runAsWorker(async (request: EditorCheckRequest): Promise<DepsFinding[]> => {
  const result = await checkDependencies({ root: request.root, files: [request.file], sources: new Map([[request.file, request.text]]), offline: true });
  return result.findings.filter((finding) => finding.file === request.file);
});
