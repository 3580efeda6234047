/**
 * JSON.parse for files people edit: a UTF-8 byte-order mark is accepted (as Node and ESLint do), and a
 * syntax error names the file, line and column instead of a character offset.
 */
export function parseJsonText(text: string, file: string): unknown {
  const body = text.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const offset = /at position (\d+)/.exec(message);
    const at = offset ? Number(offset[1]) : /end of JSON input/.test(message) ? body.length : undefined;
    const reason = message.replace(/ in JSON at position \d+.*$/, "").replace(/^JSON\.parse: /, "");
    if (at === undefined) throw new Error(`cannot parse ${file}: ${reason}`);
    const before = body.slice(0, at).split("\n");
    throw new Error(`cannot parse ${file}:${before.length}:${before[before.length - 1]!.length + 1}: ${reason}`);
  }
}
