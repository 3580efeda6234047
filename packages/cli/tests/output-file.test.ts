import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../src/errors.js";
import { writeFileAtomic } from "../src/scan/output-file.js";

describe("writeFileAtomic", () => {
  it("writes the whole text, replacing the old file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vg-out-"));
    const file = path.join(dir, "report.sarif");
    writeFileSync(file, "old");
    writeFileAtomic(file, "new report");
    expect(readFileSync(file, "utf8")).toBe("new report");
    expect(readdirSync(dir)).toEqual(["report.sarif"]);
  });

  it("leaves nothing behind when the final step fails", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vg-out-"));
    const target = path.join(dir, "report.sarif");
    // A non-empty folder where the file should go: the rename fails after the text was written.
    mkdirSync(target);
    writeFileSync(path.join(target, "keep"), "x");
    expect(() => writeFileAtomic(target, "report")).toThrow(UsageError);
    expect(readdirSync(dir)).toEqual(["report.sarif"]);
    expect(readdirSync(target)).toEqual(["keep"]);
  });
});
