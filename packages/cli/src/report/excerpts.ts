import { readFileSync } from "node:fs";
import path from "node:path";
import type { Finding, Location } from "@vibeguard/core";
import type { Excerpt } from "./report-data.js";

const MAX_LINE_LENGTH = 160;
export const SECRET_RULE = "no-hardcoded-secret";

/**
 * Reads source files once each and cuts capped excerpts. Lines that a secret finding points at are
 * never excerpted, for any finding: the report must not carry a secret's value.
 */
export class SourceExcerpts {
  private readonly sources = new Map<string, string[] | undefined>();
  private readonly secretLines = new Map<string, Set<number>>();

  constructor(private readonly root: string, findings: readonly Finding[]) {
    for (const f of findings) {
      if (f.ruleId !== SECRET_RULE) continue;
      const lines = this.secretLines.get(f.location.path) ?? new Set<number>();
      for (let line = f.location.startLine; line <= (f.location.endLine ?? f.location.startLine); line++) lines.add(line);
      this.secretLines.set(f.location.path, lines);
    }
  }

  lines(file: string): string[] | undefined {
    if (!this.sources.has(file)) {
      try {
        this.sources.set(file, readFileSync(path.join(this.root, file), "utf8").split(/\r?\n/));
      } catch {
        this.sources.set(file, undefined);
      }
    }
    return this.sources.get(file);
  }

  lineCount(file: string): number {
    const lines = this.lines(file);
    if (!lines) return 0;
    return lines.length - (lines[lines.length - 1] === "" ? 1 : 0);
  }

  /** Up to `maxLines` lines from the location's start; undefined when withheld or unreadable. */
  excerpt(location: Location, maxLines: number): { excerpt?: Excerpt; withheld: boolean } {
    const lines = this.lines(location.path);
    if (!lines) return { withheld: false };
    const last = Math.min(Math.max(location.endLine ?? location.startLine, location.startLine), location.startLine + maxLines - 1, lines.length);
    const secret = this.secretLines.get(location.path);
    for (let line = location.startLine; line <= last; line++) if (secret?.has(line)) return { withheld: true };
    const picked = lines.slice(location.startLine - 1, last).map((text) => (text.length > MAX_LINE_LENGTH ? `${text.slice(0, MAX_LINE_LENGTH)}…` : text));
    return picked.length ? { excerpt: { startLine: location.startLine, lines: picked }, withheld: false } : { withheld: false };
  }
}
