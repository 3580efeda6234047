import type { Rule } from "eslint";

/** An `eslint-disable*` / `eslint-enable` comment as ESLint parsed it. */
export interface Directive {
  type: "disable" | "enable" | "disable-line" | "disable-next-line";
  /** Rule ids the comment names; empty for a blanket directive. */
  rules: string[];
  justification: string;
  /** The comment as written, without its delimiters. */
  text: string;
  line: number;
  column: number;
  endLine: number;
}

/** What `SourceCode#getDisableDirectives()` returns per directive (ESLint 9+, not in its type definitions). */
interface ParsedDirective {
  type: Directive["type"];
  value: string;
  justification: string;
  node: { loc?: { start: { line: number; column: number }; end: { line: number } } | null };
}

/** Directives per absolute file path, filled by the capture rule as ESLint lints each file (in this process). */
export class DirectiveLog {
  private readonly byFile = new Map<string, Directive[]>();

  /** A rule that reports nothing and records the file's directives: ESLint's own parse of them, no regexes on source. */
  readonly captureRule: Rule.RuleModule = {
    meta: { type: "problem", schema: [], docs: { description: "records disable directives for vibeguard scan" } },
    create: (context) => {
      const sourceCode = context.sourceCode as unknown as { getDisableDirectives(): { directives: ParsedDirective[] } };
      const { directives } = sourceCode.getDisableDirectives();
      this.byFile.set(
        context.filename,
        directives
          .map((d) => ({
          type: d.type,
          rules: d.value.split(",").map((id) => id.trim()).filter(Boolean),
          justification: d.justification,
          text: `eslint-${d.type}${d.value ? ` ${d.value}` : ""}`,
          line: d.node.loc!.start.line,
          column: d.node.loc!.start.column + 1,
          endLine: d.node.loc!.end.line,
          }))
          .sort((a, b) => a.line - b.line || a.column - b.column),
      );
      return {};
    },
  };

  /**
   * The directive naming `ruleId` that covers a problem at line:column, if any. A problem that ESLint
   * suppressed with no such directive was turned off by a blanket `eslint-disable`, which the CLI does
   * not honour for vibeguard's checks.
   */
  namingDirective(file: string, ruleId: string, line: number, column: number): Directive | undefined {
    const directives = this.byFile.get(file) ?? [];
    const names = (d: Directive) => d.rules.includes(ruleId);
    for (const d of directives) {
      if (!names(d)) continue;
      if (d.type === "disable-line" && d.line === line) return d;
      if (d.type === "disable-next-line" && d.endLine + 1 === line) return d;
    }
    let active: Directive | undefined;
    for (const d of directives) {
      if (d.line > line || (d.line === line && d.column > column)) break;
      if (d.type === "disable" && names(d)) active = d;
      else if (d.type === "enable" && (d.rules.length === 0 || names(d))) active = undefined;
    }
    return active;
  }
}
