// `mightBeLogCall` runs on every call of every file, so it reads the callee's method name without `memberName`
// and compares character codes instead of looking them up in a Set. These tests hold it to the definition it
// replaces: a member call whose `memberName` is a level method, or a plain call whose name looks like a logger.
import { parse } from "@typescript-eslint/parser";
import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import { walk, memberName } from "../../../src/util/ast.js";
import { FUNCTION_LOGGER_HINT, hintCharacterTests, mightBeLogCall, type LoggerNameOptions } from "../../../src/rules/no-contextless-error-log/log-call.js";

const LEVEL_METHODS = ["error", "warn", "warning", "info", "log", "debug", "trace", "fatal", "crit", "critical", "notice", "alert", "emerg", "emergency", "verbose", "silly"];

function callsOf(code: string): TSESTree.CallExpression[] {
  const program = parse(code, { range: true }) as unknown as TSESTree.Program;
  const calls: TSESTree.CallExpression[] = [];
  walk(program, (node) => {
    if (node.type === "CallExpression") calls.push(node);
  });
  return calls;
}

/** The test as it was written before the shortcuts: memberName and a Set, the hint regex and the options. */
function reference(call: TSESTree.CallExpression, extra: LoggerNameOptions): boolean {
  const callee = call.callee;
  if (callee.type === "MemberExpression") {
    const method = memberName(callee);
    return method !== undefined && LEVEL_METHODS.includes(method);
  }
  if (callee.type === "Identifier") {
    return FUNCTION_LOGGER_HINT.test(callee.name) || extra.names.has(callee.name) || extra.patterns.some((pattern) => pattern.test(callee.name));
  }
  return false;
}

const CODE = `
  logger.error(e); console.warn(x); a.b.info(); log["error"](e); log[level](e); log[\`error\`](e); log["nope"](e);
  class C { #error() {} run() { this.#error(); this.#other(); } }
  a?.error(); a.errors(); a.Error(); a.constructor(); super_.log(); foo.bar(); (0, log.error)(e); (a.error)();
  debug("x"); dbg(); log(); trace(); logError(); printLog(); myLogger(); require("x"); fn(); audit(); tracker();
  new Foo().warn(); f()(); (() => {})(); import("x");
`;

describe("mightBeLogCall", () => {
  it("agrees with memberName, the level methods and the logger-name hint on every call shape", () => {
    const noOptions: LoggerNameOptions = { names: new Set(), patterns: [] };
    const withOptions: LoggerNameOptions = { names: new Set(["audit"]), patterns: [/^track/] };
    const calls = callsOf(CODE);
    expect(calls.length).toBeGreaterThan(30);
    for (const call of calls) {
      const text = CODE.slice(call.range[0], call.range[1]);
      expect(mightBeLogCall(call, noOptions), text).toBe(reference(call, noOptions));
      expect(mightBeLogCall(call, withOptions), text).toBe(reference(call, withOptions));
    }
    // The cases that matter are on both sides.
    expect(calls.filter((call) => mightBeLogCall(call, noOptions)).length).toBeGreaterThan(10);
    expect(calls.filter((call) => !mightBeLogCall(call, noOptions)).length).toBeGreaterThan(10);
    expect(calls.some((call) => mightBeLogCall(call, withOptions) && !mightBeLogCall(call, noOptions))).toBe(true);
  });

  it("compares character codes that are exactly HINT_FIRST and HINT_LAST", () => {
    const { isHintFirst, isHintLast, HINT_FIRST, HINT_LAST } = hintCharacterTests;
    for (let code = 0; code < 256; code++) {
      const char = String.fromCharCode(code);
      expect(isHintFirst(code), char).toBe(HINT_FIRST.includes(char));
      expect(isHintLast(code), char).toBe(HINT_LAST.includes(char));
    }
  });
});
