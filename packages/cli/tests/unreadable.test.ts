import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readResults } from "@vibeguard/core";
import { makeProject, runCli } from "./run-cli.js";

const SWALLOWED = `export async function load(read) {\n  try {\n    return await read();\n  } catch (err) {}\n}\n`;

describe("vibeguard scan: inputs that cannot be read", () => {
  it("names a FIFO, an unreadable file and an unreadable folder, and finishes the rest (as an unprivileged user)", () => {
    const root = makeProject({ "src/load.js": SWALLOWED, "src/secret.js": SWALLOWED, "src/locked/inner.js": SWALLOWED });
    execFileSync("mkfifo", [path.join(root, "src/pipe.js")]);
    chmodSync(root, 0o755);
    chmodSync(path.join(root, "src/secret.js"), 0o000);
    chmodSync(path.join(root, "src/locked"), 0o000);

    const run = runCli(["scan", "--format", "json"], root, { asNobody: true });
    expect(run.code).toBe(1);
    const results = readResults(run.stdout, "stdout");
    expect(results.findings.map((f) => f.location.path)).toEqual(["src/load.js"]);
    expect(results.diagnostics.map((d) => d.message)).toEqual([
      "src/locked/: permission denied; folder skipped",
      "src/pipe.js: a FIFO, not a regular file; skipped",
      "src/secret.js: permission denied; skipped",
    ]);
    expect(run.stderr).toContain("vibeguard: src/secret.js: permission denied; skipped");

    const text = runCli(["scan"], root, { asNobody: true });
    expect(text.stdout).toContain("! src/pipe.js: a FIFO, not a regular file; skipped");
    expect(text.stdout).toMatch(/in 1 of 1 file\(s\); 3 file\(s\) could not be analysed/);
  });

  it("says 'symlink loop' for a looping path named on the command line", () => {
    const root = makeProject({ "src/a.js": SWALLOWED });
    symlinkSync("loop", path.join(root, "loop"));
    const run = runCli(["scan", "loop"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("symlink loop: loop");
    expect(run.stderr).not.toContain("does not exist");
  });
});

describe("vibeguard scan -o: output targets", () => {
  const project = () => makeProject({ "src/load.js": SWALLOWED, "src/broken.ts": "export const = ;\n" });

  it("exits 2 before scanning when -o names a folder, a path under a file, or a folder it cannot write to", () => {
    const root = project();
    mkdirSync(path.join(root, "reports"));
    const cases: Array<[string, string]> = [
      ["reports", "cannot write the report to reports: it is a folder"],
      ["src/load.js/out.sarif", `cannot write the report to src/load.js/out.sarif: ${path.join(root, "src/load.js")} is a file, not a folder`],
    ];
    for (const [target, message] of cases) {
      const run = runCli(["scan", "--format", "sarif", "-o", target], root);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(message);
      // Nothing was scanned: the broken file would have been reported on stderr.
      expect(run.stderr).not.toContain("broken.ts");
      expect(run.stderr).not.toContain("internal error");
    }
    chmodSync(root, 0o755);
    mkdirSync(path.join(root, "readonly"), { mode: 0o555 });
    chmodSync(path.join(root, "readonly"), 0o555);
    const unwritable = runCli(["scan", "--format", "sarif", "-o", "readonly/out.sarif"], root, { asNobody: true });
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain(`cannot write the report to readonly/out.sarif: cannot create files in ${path.join(root, "readonly")}: permission denied`);
  });

  it("replaces an existing report in one step and leaves no temporary file", () => {
    const root = project();
    writeFileSync(path.join(root, "out.json"), "old");
    const run = runCli(["scan", "--format", "json", "-o", "out.json", "--fail-on", "never"], root);
    expect(run.code).toBe(0);
    const listing = execFileSync("ls", ["-A", root], { encoding: "utf8" }).split("\n").filter(Boolean);
    expect(listing.sort()).toEqual(["out.json", "src"]);
  });
});
