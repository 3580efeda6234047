import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeProject, runCli } from "./run-cli.js";

const swallowed = (name: string) => `export async function ${name}(read) {\n  try {\n    return await read();\n  } catch (err) {}\n}\n`;
const git = (root: string, ...args: string[]) =>
  execFileSync("git", args, { cwd: root, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" } });

function commitFile(root: string, file: string, text: string, message: string) {
  writeFileSync(path.join(root, file), text);
  git(root, "add", file);
  git(root, "commit", "-qm", message);
}

describe("history and the report over time", () => {
  it("appends one summary per scan and draws the trend of three scans", () => {
    const root = makeProject({ "src/a.js": swallowed("a") });
    git(root, "init", "-q", "-b", "main");
    git(root, "add", ".");
    git(root, "commit", "-qm", "first");
    expect(runCli(["scan", "--history", "--fail-on", "never"], root).code).toBe(0);
    commitFile(root, "src/b.js", swallowed("b"), "second");
    expect(runCli(["scan", "--history", "--fail-on", "never"], root).code).toBe(0);
    commitFile(root, "src/c.js", `${swallowed("c")}\n${swallowed("d")}`, "third\n\nCo-Authored-By: Claude <noreply@anthropic.com>");
    expect(runCli(["scan", "--history", "--format", "json", "--fail-on", "never"], root).code).toBe(0);

    const lines = readFileSync(path.join(root, ".vibeguard/history.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.findings)).toEqual([1, 2, 4]);
    expect(lines[2]).toMatchObject({ grade: expect.stringMatching(/^[A-E]$/), byFamily: { errors: 4 }, commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(lines[2].score).toBeGreaterThan(lines[0].score);

    const report = runCli(["report", "--history", "-o", "out/report.html"], root);
    expect(report.code).toBe(0);
    expect(report.stderr).toMatch(/grade [A-E] .*4 finding\(s\); html report written to out\/report\.html/);
    const html = readFileSync(path.join(root, "out/report.html"), "utf8");
    const trend = html.slice(html.indexOf('<section id="trend">'), html.indexOf("</section>", html.indexOf('<section id="trend">')));
    expect(trend).toContain("<polyline");
    // Three scans and this report's own run.
    expect(trend.match(/<circle /g)).toHaveLength(4);
    // Two findings came from the commit with Claude's trailer; all four were committed today.
    expect(html).toContain("AI-assisted 2");
    expect(html).toMatch(/<span class="num">4<\/span><span class="lbl">new in last 30 days/);
  });

  it("report --since REF shows new, fixed and unchanged findings against that commit", () => {
    const root = makeProject({ "src/a.js": swallowed("a"), "src/b.js": swallowed("b") });
    git(root, "init", "-q", "-b", "main");
    git(root, "add", ".");
    git(root, "commit", "-qm", "first");
    writeFileSync(path.join(root, "src/b.js"), "export const b = 1;\n");
    writeFileSync(path.join(root, "src/c.js"), swallowed("c"));
    const run = runCli(["report", "--since", "HEAD", "--format", "markdown"], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Against HEAD \([0-9a-f]{12}\):\*\* 1 new · 1 unchanged · 0 moved · 1 fixed/);
    expect(run.stdout).toContain("### New findings (1)");
    expect(run.stdout).toContain("src/c.js:4");
    expect(git(root, "worktree", "list").trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 for --since outside git or with an unknown ref", () => {
    const root = makeProject({ "src/a.js": swallowed("a") });
    expect(runCli(["report", "--since", "HEAD"], root).stderr).toContain("--since needs a git repository");
    git(root, "init", "-q");
    const run = runCli(["report", "--since", "nope"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--since nope is not a commit");
  });
});
