import type { Reporter } from "./reporter.js";

/** GitHub Actions workflow commands: annotations on the pull request's diff. */
const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export const githubReporter: Reporter = (result) => {
  const command = { error: "error", warning: "warning", note: "notice" } as const;
  const lines = result.findings.map((f) => {
    const { path, startLine, startColumn, endLine, endColumn } = f.location;
    const props = [`file=${escapeProperty(path)}`, `line=${startLine}`, `col=${startColumn}`];
    if (endLine) props.push(`endLine=${endLine}`);
    if (endColumn && endLine === startLine) props.push(`endColumn=${endColumn}`);
    props.push(`title=${escapeProperty(`vibeguard/${f.ruleId}`)}`);
    return `::${command[f.severity]} ${props.join(",")}::${escapeData(f.message)}`;
  });
  for (const d of result.diagnostics.filter((d) => d.kind !== "skipped")) {
    lines.push(`::warning${d.path ? ` file=${escapeProperty(d.path)}${d.line ? `,line=${d.line}` : ""}` : ""}::${escapeData(d.message)}`);
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
};
