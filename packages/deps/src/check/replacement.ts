import { changelogMention, type ChangelogNotes } from "../surface/changelog.js";
import type { ModuleSurface } from "../types.js";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "default#on" → "on"; "model#count" (a member of what `model` makes) and "Model.count" stay. */
function display(key: string): string {
  return key.replace(/^default[.#]/, "");
}

/**
 * What replaced a missing API, in the declarations' own words, or undefined when they do not say (never a
 * guess): the `@deprecated` text the last version that had it gave it ("Use `format` instead."), else a doc
 * sentence of the pinned version that names it as replaced ("Renamed from `listRuns`."), else a line of the
 * pinned version's changelog that names it in code next to a replacement cue ("renamed", "instead", "→").
 *
 * `key` is the surface key ("fmt", "Model.count", "default#listen"), `name` the bare name to look for.
 */
export function replacementEvidence(
  key: string,
  name: string,
  packageName: string,
  last: { version: string; module: ModuleSurface | null | undefined } | undefined,
  pinned: { version: string; module: ModuleSurface; changelog?: ChangelogNotes },
): string | undefined {
  const deprecation = last?.module?.deprecated[key];
  if (last && deprecation && deprecation !== "deprecated") return `${packageName}@${last.version} marks it deprecated: "${deprecation}"`;
  const mentions = new RegExp(`(^|[^\\w$])${escapeRegExp(name)}(?![\\w$])`);
  for (const [noteKey, text] of Object.entries(pinned.module.replacementNotes ?? {})) {
    if (noteKey === key || !mentions.test(text)) continue;
    return `${packageName}@${pinned.version} documents \`${display(noteKey)}\` as: "${text}"`;
  }
  const line = changelogMention(pinned.changelog, name);
  return line ? `${packageName}@${pinned.version}'s ${pinned.changelog!.file} says: "${line}"` : undefined;
}
