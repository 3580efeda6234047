import { describe, expect, it } from "vitest";
import { Linter } from "eslint";
import { createOptionsMerger } from "../../src/util/create-rule.js";
import { perOptions } from "../../src/util/per-options.js";
import plugin from "eslint-plugin-vibeguard";

type Options = [{ names?: string[]; nested?: { a?: number; b?: number }; flag?: boolean }];
const defaults: Options = [{ names: ["x"], nested: { a: 1, b: 2 }, flag: true }];

describe("createOptionsMerger", () => {
  const merge = createOptionsMerger(defaults);

  it("returns the defaults when no options are given", () => {
    expect(merge([] as unknown as Options)).toEqual(defaults);
  });

  it("deep-merges the user's object over the defaults, arrays replaced", () => {
    expect(merge([{ names: ["y"], nested: { b: 5 } }])).toEqual([{ names: ["y"], nested: { a: 1, b: 5 }, flag: true }]);
  });

  it("merges each options object once and reuses the result for the next file", () => {
    const user: Options = [{ flag: false }];
    const first = merge(user);
    // ESLint builds a new options array per file around the same object from the config.
    expect(merge([user[0]])).toBe(first);
    expect(merge([{ flag: false }])).not.toBe(first);
    expect(merge([{ flag: false }])).toEqual(first);
  });

  it("does not let one options object's result leak into another's", () => {
    expect(merge([{ flag: false }])[0].flag).toBe(false);
    expect(merge([{ nested: { a: 9 } }])[0]).toEqual({ names: ["x"], nested: { a: 9, b: 2 }, flag: true });
  });
});

describe("rules built by createRule", () => {
  it("see the configured options on every file of a config", () => {
    const linter = new Linter({ configType: "flat" });
    const config = [
      { plugins: { vibeguard: plugin }, rules: { "vibeguard/no-swallowed-error": ["error", { allowedCommentPattern: "^okToDrop$" }] } },
    ];
    const code = "try { work(); } catch (okToDrop) {}\ntry { work(); } catch (ignored) {}";
    expect(linter.verify(code, [{ ...config[0], rules: { "vibeguard/no-swallowed-error": "error" } }], { filename: "d.js" }).map((m) => m.line)).toEqual([1]);
    for (const filename of ["a.js", "b.js", "c.js"]) {
      const messages = linter.verify(code, config, { filename });
      // With the custom pattern only a binding named "okToDrop" opts out; the default's "ignored" no longer does.
      expect(messages.map((m) => m.line)).toEqual([2]);
    }
  });
});

describe("perOptions", () => {
  it("derives once per options object", () => {
    let calls = 0;
    const derive = perOptions((options: { names: string[] }) => {
      calls++;
      return new Set(options.names);
    });
    const options = { names: ["a"] };
    expect(derive(options)).toBe(derive(options));
    expect(calls).toBe(1);
    expect(derive({ names: ["a"] })).toEqual(new Set(["a"]));
    expect(calls).toBe(2);
  });
});
