import type { PackageFiles } from "./package-files.js";

const CHANGELOG_FILE = /^(changelog|changes|history|releases)(\.md|\.markdown|\.txt)?$/i;
/** Words with which changelogs say what replaced something. "Removed" alone says nothing about a successor. */
const REPLACEMENT_CUE = /\b(renamed?|replaced?|replacing|instead|in favou?r of|superseded|migrate to|use `[^`]+`)|→|->/i;
const MAX_NOTES = 400;
const MAX_NOTE = 240;

export interface ChangelogNotes {
  file: string;
  /** The changelog's lines that say what replaced something, as plain text. */
  notes: string[];
}

/** Markdown to a quotable line: no list markers, link targets, bare URLs or emphasis. */
function plain(line: string): string {
  return line
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\(?\bhttps?:\/\/\S+\)?/g, "")
    .replace(/\*\*|__/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The lines of a package's root changelog that name a replacement, kept with the cached surface. */
export function changelogNotes(files: PackageFiles): ChangelogNotes | undefined {
  const file = files.list().find((name) => !name.includes("/") && CHANGELOG_FILE.test(name));
  const text = file ? files.read(file) : undefined;
  if (!file || !text) return undefined;
  const notes: string[] = [];
  for (const line of text.split("\n")) {
    if (!line.includes("`") || !REPLACEMENT_CUE.test(line)) continue;
    const note = plain(line);
    if (note.length > 8) notes.push(note.length > MAX_NOTE ? `${note.slice(0, MAX_NOTE - 1)}…` : note);
    if (notes.length >= MAX_NOTES) break;
  }
  return notes.length ? { file, notes } : undefined;
}

/** Cues written right before the old name: "renamed `a` to", "replace `a` with", "instead of `a`". */
const BEFORE_OLD_NAME = /(instead of|replac(e|es|ed|ing)|rename[sd]?|removed?)\s*$/i;

/**
 * The first note that names `name` in code (`name`, `name()`, `x.name`) as the thing replaced, or undefined:
 * the name comes before the cue ("`res.sendfile` - use `res.sendFile` instead", "`a` renamed to `b`") or
 * right after a cue that introduces the old name ("instead of `a`", "replace `a` with `b`"). A note that
 * names it only as the replacement ("`app.del` - use `app.delete`", for `delete`) is not evidence.
 */
export function changelogMention(changelog: ChangelogNotes | undefined, name: string): string | undefined {
  if (!changelog) return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const inCode = new RegExp("`[^`]*(?<![\\w$])" + escaped + "(?![\\w$])[^`]*`");
  return changelog.notes.find((note) => {
    const mention = inCode.exec(note);
    if (!mention) return false;
    const cue = REPLACEMENT_CUE.exec(note);
    if (cue && mention.index < cue.index) return true;
    return BEFORE_OLD_NAME.test(note.slice(0, mention.index));
  });
}
