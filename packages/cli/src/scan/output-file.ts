import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describeFsError } from "@vibeguard/core";
import { UsageError } from "../errors.js";

const tempName = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${Date.now()}.tmp`);

/**
 * Checks before the scan that the report can be written to `file` (absolute), creating its folder:
 * a scan whose results cannot be saved is a usage error, reported before any work is lost.
 */
export function checkOutputTarget(file: string, named: string): void {
  const fail = (reason: string, hint = "pass -o a file path in a folder you can write to"): never => {
    throw new UsageError(`cannot write the report to ${named}: ${reason}`, hint);
  };
  try {
    if (statSync(file).isDirectory()) fail("it is a folder", "name a file, e.g. -o reports/vibeguard.sarif");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR") fail(`${blockingFile(file) ?? "a parent"} is a file, not a folder`);
    if (code !== "ENOENT") fail(describeFsError(error));
  }
  const dir = path.dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === "ENOTDIR" || code === "EEXIST" ? `${blockingFile(file) ?? "a parent"} is a file, not a folder` : `cannot create ${dir}: ${describeFsError(error)}`);
  }
  // Creating a file is the only reliable test of writability (root ignores modes, filesystems may be read-only).
  const probe = tempName(file);
  try {
    closeSync(openSync(probe, "wx"));
    unlinkSync(probe);
  } catch (error) {
    fail(`cannot create files in ${dir}: ${(error as NodeJS.ErrnoException).code === "EROFS" ? "read-only file system" : describeFsError(error)}`);
  }
}

/** The first existing ancestor of `file` that is not a folder, for the error message. */
function blockingFile(file: string): string | undefined {
  for (let current = path.dirname(file); path.dirname(current) !== current; current = path.dirname(current)) {
    try {
      if (!statSync(current).isDirectory()) return current;
    } catch {
      // Missing or unreachable: keep looking further up for the file in the way.
    }
  }
  return undefined;
}

/** Writes through a temporary file and a rename, so a failed write never leaves half a report behind. */
export function writeFileAtomic(file: string, text: string): void {
  const temp = tempName(file);
  try {
    writeFileSync(temp, text, { flag: "wx" });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new UsageError(`cannot write the report to ${file}: ${describeFsError(error)}`, "no partial report was left behind; check the path and the disk");
  }
}
