import pc from "picocolors";
import type { Finding } from "@vibeguard/core";
import type { Reporter } from "./reporter.js";

/** Human-readable output grouped by file, in the spirit of ESLint's stylish formatter. */
export const textReporter: Reporter = (result, context) => {
  const c = pc.createColors(context.color);
  const severityLabel = { error: c.red("error"), warning: c.yellow("warning"), note: c.blue("note") };
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byFile.get(finding.location.path) ?? [];
    list.push(finding);
    byFile.set(finding.location.path, list);
  }
  const lines: string[] = [];
  for (const [file, findings] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(c.underline(file));
    for (const f of findings.sort((a, b) => a.location.startLine - b.location.startLine || a.location.startColumn - b.location.startColumn)) {
      const position = `${f.location.startLine}:${f.location.startColumn}`.padEnd(8);
      lines.push(`  ${c.dim(position)} ${severityLabel[f.severity].padEnd(context.color ? 17 : 7)}  ${f.message}  ${c.dim(f.ruleId)}`);
      for (const related of f.related ?? []) {
        lines.push(`  ${" ".repeat(8)} ${c.dim(`↳ ${related.path}:${related.startLine}${related.message ? ` (${related.message})` : ""}`)}`);
      }
    }
    lines.push("");
  }

  if (result.diagnostics.length) {
    const unparsed = result.diagnostics.filter((d) => d.kind !== "skipped");
    const skipped = result.diagnostics.filter((d) => d.kind === "skipped");
    for (const d of unparsed) lines.push(`${c.yellow("!")} ${d.message}`);
    if (skipped.length) lines.push(c.dim(`${skipped.length} file(s) skipped (minified, generated or too large); --debug lists them`));
    lines.push("");
  }

  const counts = { error: 0, warning: 0, note: 0 };
  for (const f of result.findings) counts[f.severity]++;
  const total = result.findings.length;
  const unscanned = result.diagnostics.filter((d) => d.kind === "parse-error" || d.kind === "engine-error" || d.kind === "unreadable").length;
  const suppressed = result.suppressed?.length ?? 0;
  const summary =
    total === 0
      ? c.green(`✔ no problems in ${result.filesScanned} file(s)`)
      : (counts.error ? c.red : c.yellow)(
          `✖ ${total} problem${total === 1 ? "" : "s"} (${counts.error} error${counts.error === 1 ? "" : "s"}, ${counts.warning} warning${
            counts.warning === 1 ? "" : "s"
          }, ${counts.note} note${counts.note === 1 ? "" : "s"}) in ${byFile.size} of ${result.filesScanned} file(s)`,
        );
  lines.push(
    summary +
      (unscanned ? c.yellow(`; ${unscanned} file(s) could not be analysed`) : "") +
      (suppressed ? c.dim(`; ${suppressed} finding(s) suppressed by comments naming vibeguard rules`) : ""),
  );
  return `${lines.join("\n")}\n`;
};
