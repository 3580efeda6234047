import type { CompiledSignature } from "./signatures.js";

export interface CommitInfo {
  sha: string;
  authorName: string;
  authorEmail: string;
  /** Author date, ISO 8601. */
  date: string;
  message: string;
}

export type AttributionKind = "ai" | "human" | "unknown";

export interface Attribution {
  kind: AttributionKind;
  /** Where the verdict comes from: a line-level record beats a commit-level signature. */
  source: "git-ai-note" | "agent-trace" | "commit-signature" | "none";
  agent?: string;
  model?: string;
  /** The text that matched, verbatim. */
  evidence?: string;
}

/** Trailers of the message's last paragraph, as "Key: value" lines. */
function trailerLines(message: string): string[] {
  const paragraphs = message.trimEnd().split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? "";
  return last.split("\n").map((line) => line.trim()).filter((line) => /^[A-Za-z][\w-]*:\s*\S/.test(line));
}

/** Classifies one commit from its signatures: an agent's mark makes it "ai"; no mark makes it "human". */
export function classifyCommit(commit: CommitInfo, signatures: readonly CompiledSignature[]): Attribution {
  const trailers = trailerLines(commit.message);
  // Each candidate: the text the pattern reads, and the evidence shown (the whole line, verbatim).
  const coAuthors = trailers.filter((line) => /^co-authored-by:/i.test(line)).map((line) => ({ text: line.replace(/^co-authored-by:\s*/i, ""), line }));
  const author = `Author: ${commit.authorName} <${commit.authorEmail}>`;
  for (const signature of signatures) {
    const candidates =
      signature.field === "co-author" ? coAuthors
      : signature.field === "trailer" ? trailers.map((line) => ({ text: line, line }))
      : signature.field === "author-name" ? [{ text: commit.authorName, line: author }]
      : signature.field === "author-email" ? [{ text: commit.authorEmail, line: author }]
      : [{ text: commit.message, line: undefined }];
    for (const { text, line } of candidates) {
      const match = signature.regex.exec(text);
      if (!match) continue;
      const evidenceText = line ?? match[0];
      const captured = match.groups?.model?.trim();
      // "Claude" alone names the agent, not a model.
      const model = captured && captured.toLowerCase() !== signature.agent.split(" ")[0]!.toLowerCase() ? captured : undefined;
      const agent = signature.agent === "disclosed" && model ? model.split(/[\s(/]/)[0]! : signature.agent;
      return { kind: "ai", source: "commit-signature", agent, ...(model ? { model } : {}), evidence: evidenceText };
    }
  }
  return { kind: "human", source: "commit-signature" };
}
