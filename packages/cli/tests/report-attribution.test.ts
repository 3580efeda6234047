import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { attributeFindings, type AttributionResult } from "../src/attribution/attribute-findings.js";
import { runScan, type ScanResult } from "../src/scan/run-scan.js";

// Every file holds one swallowed error on line 4, so every file has exactly one finding there.
const swallowed = (name: string) => `export async function ${name}(read) {\n  try {\n    return await read();\n  } catch (err) {}\n}\n`;

interface Commit {
  file: string;
  author?: string;
  message: string;
}

const HUMAN = "Ann Dev <ann@example.com>";
// One commit per signature the issue lists, plus human look-alikes that must stay human.
const COMMITS: Commit[] = [
  { file: "human.js", message: "Add settings loader" },
  { file: "claude.js", message: "Add loader\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>" },
  { file: "claude-footer.js", message: "Add loader\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)" },
  { file: "claude-model.js", message: "Add loader\n\nCo-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>" },
  { file: "cursor.js", message: "Add loader\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>" },
  { file: "cursor-made-with.js", message: "Add loader\n\nMade-with: Cursor" },
  { file: "copilot.js", message: "Add loader\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>" },
  { file: "copilot-agent.js", author: "copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>", message: "Add loader" },
  { file: "codex.js", message: "Add loader\n\nCo-authored-by: Codex <codex@openai.com>" },
  { file: "codex-bot.js", author: "chatgpt-codex-connector[bot] <199175422+chatgpt-codex-connector[bot]@users.noreply.github.com>", message: "Add loader" },
  { file: "aider.js", message: "Add loader\n\nCo-authored-by: aider (openai/gpt-4o) <noreply@aider.chat>" },
  { file: "aider-author.js", author: "Ann Dev (aider) <ann@example.com>", message: "Add loader" },
  { file: "amp.js", message: "Add loader\n\nAmp-Thread-ID: https://ampcode.com/threads/T-1234\nCo-authored-by: Amp <amp@ampcode.com>" },
  { file: "devin.js", author: "devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>", message: "Add loader" },
  { file: "jules.js", author: "google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>", message: "Add loader" },
  // Look-alikes: a dependency bot is not a coding agent; a human co-author is a human; a mention in the body is not a trailer.
  { file: "dependabot.js", author: "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>", message: "Bump pg" },
  { file: "pair.js", message: "Add loader\n\nCo-authored-by: Bob Smith <bob@example.com>" },
  { file: "mention.js", message: "Add loader like Claude suggested\n\nReviewed-by: Bob Smith <bob@example.com>" },
  { file: "custom.js", author: "ci-agent <ci@example.com>", message: "Add loader" },
  { file: "noted.js", message: "Add loader" },
  { file: "noted-elsewhere.js", message: "Add loader" },
  { file: "traced.js", message: "Add loader" },
];

function git(root: string, args: string[], author = HUMAN, input?: string): string {
  const [, name, email] = /^(.*) <(.*)>$/.exec(author)!;
  return execFileSync("git", args, {
    cwd: root,
    encoding: "utf8",
    input,
    env: { ...process.env, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: "Ann Dev", GIT_COMMITTER_EMAIL: "ann@example.com" },
  });
}

let root: string;
let scan: ScanResult;
let attribution: AttributionResult;
const byFile = (file: string) => attribution.byFinding.get(scan.findings.find((f) => f.location.path === file)!.fingerprint)!;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "vg-attr-"));
  git(root, ["init", "-q", "-b", "main"]);
  const shas = new Map<string, string>();
  for (const commit of COMMITS) {
    writeFileSync(path.join(root, commit.file), swallowed(commit.file.replace(/\W/g, "_")));
    git(root, ["add", commit.file]);
    git(root, ["commit", "-q", "-F", "-"], commit.author, commit.message);
    shas.set(commit.file, git(root, ["rev-parse", "HEAD"]).trim());
  }
  // A git-ai authorship note: lines 2-4 of noted.js came from a Claude session; noted-elsewhere.js only line 1.
  const note = (file: string, lines: string) =>
    `${file}\n  s_1a2b ${lines}\n---\n${JSON.stringify({ schema_version: "authorship/3.0.0", prompts: { s_1a2b: { agent_id: { tool: "claude", model: "claude-sonnet-4-5" } } } })}\n`;
  git(root, ["notes", "--ref=refs/notes/ai", "add", "-m", note("noted.js", "2-4"), shas.get("noted.js")!]);
  git(root, ["notes", "--ref=refs/notes/ai", "add", "-m", note("noted-elsewhere.js", "1"), shas.get("noted-elsewhere.js")!]);
  // An Agent Trace record for traced.js at its commit.
  mkdirSync(path.join(root, ".agent-trace"));
  const trace = {
    version: "0.1.0",
    id: "7d1c7a55-0000-4000-8000-000000000001",
    timestamp: "2026-11-30T10:00:00Z",
    vcs: { type: "git", revision: shas.get("traced.js") },
    tool: { name: "cursor" },
    files: [{ path: "traced.js", conversations: [{ contributor: { type: "ai", model_id: "anthropic/claude-opus-4" }, ranges: [{ start_line: 1, end_line: 5 }] }] }],
  };
  writeFileSync(path.join(root, ".agent-trace", "trace.json"), JSON.stringify(trace));
  writeFileSync(path.join(root, ".agent-trace", "broken.jsonl"), "{not json\n");
  // An uncommitted file: no commit to blame.
  writeFileSync(path.join(root, "draft.js"), swallowed("draft"));

  scan = await runScan({ root, paths: [], config: {}, debug: () => {} });
  attribution = attributeFindings(root, scan.findings, { extraSignatures: [{ agent: "Our CI agent", field: "author-name", pattern: "^ci-agent$" }] });
});

describe("attribution from git blame", () => {
  it("finds each file's one finding (the fixture is sound)", () => {
    expect(scan.findings.map((f) => f.location.path).sort()).toEqual([...COMMITS.map((c) => c.file), "draft.js"].sort());
    expect(scan.findings.every((f) => f.location.startLine === 4)).toBe(true);
  });

  it.each([
    ["claude.js", "Claude Code", undefined, "Co-Authored-By: Claude <noreply@anthropic.com>"],
    ["claude-footer.js", "Claude Code", undefined, "Generated with [Claude Code](https://claude.com/claude-code)"],
    ["claude-model.js", "Claude Code", "Claude Opus 4.6", "Co-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>"],
    ["cursor.js", "Cursor", undefined, "Co-authored-by: Cursor Agent <cursoragent@cursor.com>"],
    ["cursor-made-with.js", "Cursor", undefined, "Made-with: Cursor"],
    ["copilot.js", "GitHub Copilot", undefined, "Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>"],
    ["copilot-agent.js", "GitHub Copilot", undefined, "Author: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>"],
    ["codex.js", "Codex", undefined, "Co-authored-by: Codex <codex@openai.com>"],
    ["codex-bot.js", "Codex", undefined, "Author: chatgpt-codex-connector[bot] <199175422+chatgpt-codex-connector[bot]@users.noreply.github.com>"],
    ["aider.js", "Aider", "openai/gpt-4o", "Co-authored-by: aider (openai/gpt-4o) <noreply@aider.chat>"],
    ["aider-author.js", "Aider", undefined, "Author: Ann Dev (aider) <ann@example.com>"],
    ["amp.js", "Amp", undefined, "Co-authored-by: Amp <amp@ampcode.com>"],
    ["devin.js", "Devin", undefined, "Author: devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>"],
    ["jules.js", "Jules", undefined, "Author: google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>"],
    ["custom.js", "Our CI agent", undefined, "Author: ci-agent <ci@example.com>"],
  ])("%s: AI-assisted by %s, with the evidence verbatim", (file, agent, model, evidence) => {
    const a = byFile(file);
    expect(a).toMatchObject({ kind: "ai", source: "commit-signature", agent, evidence });
    expect(a.model).toBe(model);
    expect(a.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it.each(["human.js", "dependabot.js", "pair.js", "mention.js"])("%s: no agent signature, so human", (file) => {
    expect(byFile(file)).toMatchObject({ kind: "human", source: "commit-signature" });
    expect(byFile(file).evidence).toBeUndefined();
  });

  it("a git-ai note covering the line beats the commit (which has no signature)", () => {
    expect(byFile("noted.js")).toMatchObject({ kind: "ai", source: "git-ai-note", agent: "claude", model: "claude-sonnet-4-5" });
    expect(byFile("noted.js").evidence).toBe("refs/notes/ai: noted.js s_1a2b 2-4");
  });

  it("a git-ai note for other lines leaves the commit-level verdict", () => {
    expect(byFile("noted-elsewhere.js")).toMatchObject({ kind: "human", source: "commit-signature" });
  });

  it("an Agent Trace range covering the line marks it AI-written, and a broken trace file is reported, not fatal", () => {
    expect(byFile("traced.js")).toMatchObject({ kind: "ai", source: "agent-trace", model: "anthropic/claude-opus-4" });
    expect(byFile("traced.js").evidence).toContain(".agent-trace/trace.json: traced.js lines 1-5 contributor ai");
    expect(attribution.problems).toEqual([expect.stringContaining(".agent-trace/broken.jsonl: not a readable Agent Trace record")]);
  });

  it("an uncommitted line is unknown", () => {
    expect(byFile("draft.js")).toEqual({ kind: "unknown", source: "none" });
  });

  it("outside git, attribution says why it is unavailable", () => {
    const outside = mkdtempSync(path.join(tmpdir(), "vg-nogit-"));
    expect(attributeFindings(outside, [])).toMatchObject({ available: false, reason: "not a git repository" });
  });
});
