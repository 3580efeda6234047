// `/source/flags` with only the flags JavaScript knows: "/orders/export" or "/api/v1/users" are paths, not a
// pattern "orders" with flags "export".
const REGEX_OPTION = /^\/(.+)\/([dgimsuvy]*)$/s;

/**
 * The regular expression an option entry is written as (`"/^\\/public\\//i"`), or undefined when the entry is
 * a plain value. `g` and `y` are dropped: they make `test()` stateful. An entry that looks like one but does
 * not compile is a plain value too.
 */
export function parseRegexOption(entry: string): RegExp | undefined {
  const match = REGEX_OPTION.exec(entry);
  if (!match) return undefined;
  try {
    return new RegExp(match[1] ?? "", (match[2] ?? "").replace(/[gy]/g, ""));
  } catch {
    return undefined;
  }
}
