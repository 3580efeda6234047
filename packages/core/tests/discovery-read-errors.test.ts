import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { discoverFiles } from "@vibeguard/core";

// Tests run as root, which file modes do not stop, so the failing reads are simulated here (the CLI tests
// also run a real EACCES as an unprivileged user). Every other fs call is the real one.
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const fail = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
  const readFileSync = ((file: string, ...rest: unknown[]) => {
    if (String(file).endsWith("bad-sector.js")) throw fail("EIO");
    if (String(file).endsWith("secret.js")) throw fail("EACCES");
    return (fs.readFileSync as (...args: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});
vi.mock("node:fs/promises", async (importOriginal) => {
  const fsp = await importOriginal<typeof import("node:fs/promises")>();
  const readdir = (async (dir: string, ...rest: unknown[]) => {
    if (String(dir).endsWith("locked")) throw Object.assign(new Error("EACCES: simulated"), { code: "EACCES" });
    return (fsp.readdir as (...args: unknown[]) => unknown)(dir, ...rest);
  }) as typeof fsp.readdir;
  return { ...fsp, default: { ...fsp, readdir }, readdir };
});

describe("discovery: files and folders that cannot be read", () => {
  it("names each one and goes on with the rest", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "vg-read-"));
    for (const file of ["src/a.js", "src/secret.js", "src/bad-sector.js", "locked/b.js"]) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), "export const a = 1;\n");
    }
    const { files, problems } = await discoverFiles({ root });
    expect(files).toEqual(["src/a.js"]);
    expect(problems.map((d) => [d.kind, d.path, d.message])).toEqual([
      ["unreadable", "locked", "locked/: permission denied; folder skipped"],
      ["unreadable", "src/bad-sector.js", "src/bad-sector.js: read error (EIO); skipped"],
      ["unreadable", "src/secret.js", "src/secret.js: permission denied; skipped"],
    ]);
  });
});
