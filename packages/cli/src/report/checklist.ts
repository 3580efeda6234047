import type { Finding } from "@vibeguard/core";

export type ChecklistStatus = "ok" | "flagged" | "not-checked";

export interface ChecklistItem {
  category: string;
  question: string;
  status: ChecklistStatus;
  findings: number;
  rules: string[];
}

/** The high-risk categories of generated code, each with the checks that answer its review question. */
const CATEGORIES: ReadonlyArray<{ category: string; question: string; rules: string[] }> = [
  { category: "Authentication and access", question: "Are state-changing routes behind auth, and is CORS limited to known origins?", rules: ["require-auth-middleware", "no-permissive-cors"] },
  { category: "Error handling", question: "Do failures reach the caller or the logs with their error object?", rules: ["no-swallowed-error", "no-contextless-error-log"] },
  { category: "Dependencies", question: "Do calls match the API of the pinned versions, and do all imported packages exist?", rules: ["no-version-mismatched-api", "no-unknown-package"] },
  { category: "Secrets", question: "Are credentials read from the environment or a secret store, never written in source?", rules: ["no-hardcoded-secret"] },
  { category: "Input handling", question: "Is request data validated and passed to queries as parameters?", rules: ["no-string-built-sql", "require-input-validation", "no-unsafe-deserialization"] },
  { category: "Duplicated logic", question: "Does new code reuse existing helpers instead of adding near-copies?", rules: ["no-duplicate-utility"] },
  { category: "Network resilience", question: "Do outbound calls have a retry policy and a timeout?", rules: ["require-retry", "require-timeout"] },
];

/**
 * Ticks a category when at least one of its checks ran and found nothing, flags it when they found
 * something, and says "not checked" when none of its checks ran (so a tick is never claimed blindly).
 */
export function reviewChecklist(findings: readonly Finding[], rulesRun: ReadonlySet<string>): ChecklistItem[] {
  return CATEGORIES.map(({ category, question, rules }) => {
    const ran = rules.filter((id) => rulesRun.has(id));
    const count = findings.filter((f) => rules.includes(f.ruleId)).length;
    const status: ChecklistStatus = count > 0 ? "flagged" : ran.length ? "ok" : "not-checked";
    return { category, question, status, findings: count, rules: ran };
  });
}
