import type { ReportFinding } from "../../report/report-data.js";

const SEVERITY_INDEX = { error: 0, warning: 1, note: 2 } as const;
const STATE_INDEX = { new: 1, unchanged: 2, moved: 3 } as const;

/**
 * The findings table's data, as compact rows over shared string tables (paths, rules, messages,
 * origins), which keeps a 20,000-finding report a few megabytes. Row layout:
 * [rule, severity, path, line, column, message, points, state, origin, excerptStart, excerptLines, withheld].
 */
export function findingsPayload(findings: readonly ReportFinding[]) {
  const tables = { paths: new Table(), rules: new Table(), messages: new Table(), origins: new Table() };
  const rules: Array<[string, string, string]> = [];
  const origins: Array<[string, string, string, string, string, string, string, string]> = [];
  const rows = findings.map((f) => {
    const rule = tables.rules.index(f.ruleId, () => rules.push([f.ruleId, f.title, f.family]));
    const a = f.attribution;
    const origin = a
      ? tables.origins.index(JSON.stringify([a.kind, a.agent, a.model, a.evidence, a.commit]), () =>
          origins.push([a.kind, a.agent ?? "", a.model ?? "", a.evidence ?? "", a.commit ?? "", a.date ?? "", a.author ?? "", a.source]),
        )
      : -1;
    return [
      rule,
      SEVERITY_INDEX[f.severity],
      tables.paths.index(f.path),
      f.line,
      f.column,
      tables.messages.index(f.message),
      f.points,
      f.state ? STATE_INDEX[f.state] : 0,
      origin,
      f.excerpt?.startLine ?? 0,
      f.excerpt?.lines ?? null,
      f.excerptWithheld ? 1 : 0,
    ];
  });
  return { paths: tables.paths.values, rules, messages: tables.messages.values, origins, rows };
}

class Table {
  readonly values: string[] = [];
  private readonly positions = new Map<string, number>();
  index(value: string, onAdd?: () => void): number {
    let position = this.positions.get(value);
    if (position === undefined) {
      position = this.values.length;
      this.values.push(value);
      this.positions.set(value, position);
      onAdd?.();
    }
    return position;
  }
}
