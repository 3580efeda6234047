import type { AgentSignature } from "./signatures.js";

/** `attribution` in the configuration file. */
export interface AttributionConfig {
  /** Checked before the built-in signatures, e.g. { agent: "Our bot", field: "author-name", pattern: "^ci-agent$" }. */
  signatures?: AgentSignature[];
  /** Folders holding Agent Trace records (default `.agent-trace`). */
  traceDirs?: string[];
}

const FIELDS: ReadonlyArray<AgentSignature["field"]> = ["co-author", "trailer", "author-name", "author-email", "message"];

export function validateAttributionConfig(raw: unknown, fail: (problem: string, hint?: string) => never): void {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail(`"attribution" must be an object like { "signatures": [...] }`);
  const { signatures, traceDirs } = raw as Record<string, unknown>;
  if (traceDirs !== undefined && !(Array.isArray(traceDirs) && traceDirs.every((d) => typeof d === "string"))) {
    fail(`"attribution.traceDirs" must be a list of folders`);
  }
  if (signatures === undefined) return;
  if (!Array.isArray(signatures)) fail(`"attribution.signatures" must be a list`);
  (signatures as unknown[]).forEach((value, index) => {
    const where = `"attribution.signatures[${index}]"`;
    const s = value as Partial<AgentSignature> | null;
    if (typeof s !== "object" || s === null || typeof s.agent !== "string" || typeof s.pattern !== "string") {
      fail(`${where} needs "agent", "field" and "pattern"`, 'e.g. { "agent": "Our bot", "field": "author-name", "pattern": "^ci-agent$" }');
    }
    if (!FIELDS.includes(s!.field as AgentSignature["field"])) fail(`${where}.field is ${JSON.stringify(s!.field)}`, `use one of ${FIELDS.join(", ")}`);
    try {
      new RegExp(s!.pattern!, "i");
    } catch (error) {
      fail(`${where}.pattern is not a regular expression (${(error as Error).message})`);
    }
  });
}
