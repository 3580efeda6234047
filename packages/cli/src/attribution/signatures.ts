/**
 * How agents mark the commits they write. Kept as data so a team can add its own in config
 * (`attribution.signatures`). Each pattern is matched against one field of a commit; the text it
 * matched is shown in the report verbatim as the evidence.
 */
export interface AgentSignature {
  agent: string;
  /** Which part of the commit the pattern reads. */
  field: "co-author" | "trailer" | "author-name" | "author-email" | "message";
  /** A regular expression source, matched case-insensitively. A named group `model` gives the model. */
  pattern: string;
}

export const DEFAULT_SIGNATURES: readonly AgentSignature[] = [
  // Co-authored-by trailers with the agents' own addresses ("co-author" reads "Name <email>").
  { agent: "Claude Code", field: "co-author", pattern: "^(?<model>Claude[^<]*?)\\s*<noreply@anthropic\\.com>$" },
  { agent: "Cursor", field: "co-author", pattern: "<cursoragent@cursor\\.com>$" },
  { agent: "Cursor", field: "trailer", pattern: "^Made-with:\\s*Cursor$" },
  { agent: "GitHub Copilot", field: "co-author", pattern: "<\\d+\\+Copilot@users\\.noreply\\.github\\.com>$" },
  { agent: "Codex", field: "co-author", pattern: "^(?:OpenAI )?Codex[^<]*<(?:codex|noreply)@openai\\.com>$" },
  { agent: "Aider", field: "co-author", pattern: "^aider \\((?<model>[^)]+)\\) <(?:noreply|aider)@aider\\.chat>$" },
  { agent: "Amp", field: "co-author", pattern: "^Amp <amp@ampcode\\.com>$" },
  { agent: "Amp", field: "trailer", pattern: "^Amp-Thread(?:-ID)?:\\s*\\S+$" },
  // Aider renames the author of the commits it makes.
  { agent: "Aider", field: "author-name", pattern: " \\(aider\\)$" },
  // Agent bot accounts (named ones only: most bots, such as dependabot, are not coding agents).
  { agent: "GitHub Copilot", field: "author-name", pattern: "^copilot-swe-agent\\[bot\\]$" },
  { agent: "GitHub Copilot", field: "author-email", pattern: "^\\d+\\+Copilot@users\\.noreply\\.github\\.com$" },
  { agent: "Devin", field: "author-name", pattern: "^devin-ai-integration\\[bot\\]$" },
  { agent: "Jules", field: "author-name", pattern: "^google-labs-jules\\[bot\\]$" },
  { agent: "Codex", field: "author-name", pattern: "^chatgpt-codex-connector\\[bot\\]$" },
  // Generated-with footers.
  { agent: "Claude Code", field: "message", pattern: "Generated with \\[Claude Code\\]\\([^)]*\\)" },
  { agent: "Amp", field: "message", pattern: "Generated with \\[Amp\\]\\([^)]*\\)" },
  // Explicit disclosure trailers name the tool (and often the model) themselves.
  { agent: "disclosed", field: "trailer", pattern: "^(?:Assisted|Generated)-by:\\s*(?<model>.+)$" },
];

export interface CompiledSignature extends AgentSignature {
  regex: RegExp;
}

export function compileSignatures(signatures: readonly AgentSignature[]): CompiledSignature[] {
  return signatures.map((signature) => ({ ...signature, regex: new RegExp(signature.pattern, "i") }));
}
