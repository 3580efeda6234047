import { Parser, type ReadEntry } from "tar";
import { RegistryError } from "./registry-client.js";

// The root changelog is kept for "what replaced it" evidence in messages.
const KEPT = /(^|\/)package\.json$|\.d\.[mc]?ts$|\.[mc]?js$|^(changelog|changes|history|releases)(\.md|\.markdown|\.txt)?$/i;
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** The files of a package tarball that matter for its API (package.json, declarations, JS, changelog), "package/" prefix dropped. */
export function unpackTarball(data: Buffer, what: string): Promise<{ files: Map<string, string>; all: string[] }> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, string>();
    const all: string[] = [];
    const fail = (message: string) => reject(new RegistryError("tarball-corrupt", `${what}: corrupt tarball (${message})`));
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        const file = entry.path.replace(/^[^/]+\//, "");
        if (entry.type !== "File" && entry.type !== "OldFile") {
          entry.resume();
          return;
        }
        all.push(file);
        if (!KEPT.test(file) || (entry.size ?? 0) > MAX_FILE_BYTES) {
          entry.resume();
          return;
        }
        const chunks: Buffer[] = [];
        entry.on("data", (chunk: Buffer) => chunks.push(chunk));
        entry.on("end", () => files.set(file, Buffer.concat(chunks).toString("utf8")));
      },
    });
    parser.on("error", (error: Error) => fail(error.message));
    parser.on("warn", (_code: string, message: string | Error) => fail(typeof message === "string" ? message : message.message));
    parser.on("end", () => (all.length ? resolve({ files, all }) : fail("no files")));
    try {
      parser.end(data);
    } catch (error) {
      fail((error as Error).message);
    }
  });
}
