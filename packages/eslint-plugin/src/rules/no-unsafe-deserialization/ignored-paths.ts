import path from "node:path";
import ignore from "ignore";

const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;

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
    const regex = REGEX_LITERAL.exec(entry);
    if (regex) regexes.push(new RegExp(regex[1] ?? "", (regex[2] ?? "").replace(/[gy]/g, "")));
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
