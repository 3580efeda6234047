// `mightBeLogCall` runs on every call of every file; for a plain function call it tests the first and last
// character of the name before FUNCTION_LOGGER_HINT. That shortcut must accept every name the regex accepts.
import { describe, expect, it } from "vitest";
import { FUNCTION_LOGGER_HINT, hasFunctionLoggerHint } from "../../../src/rules/no-contextless-error-log/log-call.js";

/** The words of `^(?:a|b)|(?:c|d)$`, with `[xX]` classes expanded: the names the regex is written for. */
function hintWords(): { prefixes: string[]; suffixes: string[] } {
  const shape = /^\^\(\?:([^()]*)\)\|\(\?:([^()]*)\)\$$/.exec(FUNCTION_LOGGER_HINT.source);
  // A regex of another shape needs the shortcut (and this test) looked at again.
  expect(shape, `FUNCTION_LOGGER_HINT changed shape: ${FUNCTION_LOGGER_HINT.source}`).not.toBeNull();
  const expand = (alternatives: string) =>
    alternatives.split("|").flatMap((word) => {
      const klass = /^\[([a-zA-Z]+)\](.*)$/.exec(word);
      return klass ? [...klass[1]!].map((char) => char + klass[2]!) : [word];
    });
  return { prefixes: expand(shape![1]!), suffixes: expand(shape![2]!) };
}

describe("hasFunctionLoggerHint", () => {
  it("accepts every name FUNCTION_LOGGER_HINT accepts: its words alone, as prefixes and as suffixes", () => {
    const { prefixes, suffixes } = hintWords();
    expect(prefixes).toContain("Debug");
    expect(suffixes).toContain("Logger");
    const names = [...prefixes, ...suffixes, ...prefixes.map((word) => `${word}Error`), ...suffixes.map((word) => `print${word}`), ...suffixes.map((word) => `_${word}`)];
    for (const name of names) {
      expect(FUNCTION_LOGGER_HINT.test(name), name).toBe(true);
      expect(hasFunctionLoggerHint(name), name).toBe(true);
    }
  });

  it("agrees with FUNCTION_LOGGER_HINT on names it rejects and on look-alikes", () => {
    const names = ["require", "resolve", "fn", "catalog", "dialog", "blogger", "logic", "dbgx", "tracer", "traceId", "Log", "x", "$", "_", "printLog", "mylogger", "debugger", "Trace", "dLog"];
    for (const name of names) expect(hasFunctionLoggerHint(name), name).toBe(FUNCTION_LOGGER_HINT.test(name));
  });
});
