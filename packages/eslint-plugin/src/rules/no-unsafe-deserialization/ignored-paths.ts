import path from "node:path";
import ignore from "ignore";
import { parseRegexOption } from "../../util/regex-option.js";

/**
 * A test for the `ignoredPaths` option of the newer rules: "/regex/flags" entries test the absolute
 * path; anything else is a .gitignore-style pattern relative to the working directory (a leading "/"
 * anchors it, `**` crosses folders), matched with the `ignore` package.
 */
export function ignoredPathsMatcher(entries: readonly string[]): (filename: string, cwd: string) => boolean {
  if (entries.length === 0) return () => false;
  const regexes: RegExp[] = [];
  const globs = ignore();
  for (const entry of entries) {
    const regex = parseRegexOption(entry);
    if (regex) regexes.push(regex);
    else globs.add(entry);
  }
  return (filename, cwd) => {
    const absolute = filename.replace(/\\/g, "/");
    if (regexes.some((regex) => regex.test(absolute))) return true;
    const relative = path.relative(cwd, filename).replace(/\\/g, "/");
    // `ignore` only takes paths inside the working directory.
    return relative !== "" && !relative.startsWith("../") && !path.isAbsolute(relative) && globs.ignores(relative);
  };
}
