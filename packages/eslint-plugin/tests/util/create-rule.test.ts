import { describe, expect, it } from "vitest";
import { Linter } from "eslint";
import { createOptionsMerger, createRule } from "../../src/util/create-rule.js";
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
    // ESLint 9.15+ merges meta.defaultOptions in itself: a new object with the same content for every file.
    expect(merge([{ flag: false }])).toBe(first);
    expect(merge([{ flag: true }])).not.toBe(first);
  });

  it("merges afresh what a content key cannot stand for", () => {
    const withFunction = [{ flag: false, names: ["a"], nested: { a: Number.POSITIVE_INFINITY } }] as unknown as Options;
    expect(merge(withFunction)).not.toBe(merge([{ ...withFunction[0] }]));
    expect(merge([{ ...withFunction[0] }])[0].nested).toEqual({ a: Number.POSITIVE_INFINITY, b: 2 });
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

describe("options merged by ESLint itself", () => {
  it("reach a rule as one merged object per configuration, file after file", () => {
    const seen: unknown[] = [];
    const probe = createRule<[{ names?: string[]; flag?: boolean }], never>({
      name: "require-retry",
      meta: { type: "problem", messages: {}, schema: [{ type: "object", properties: { names: { type: "array" }, flag: { type: "boolean" } } }] },
      defaultOptions: [{ names: ["x"], flag: true }],
      create(_context, [options]) {
        seen.push(options);
        return {};
      },
    });
    const linter = new Linter({ configType: "flat" });
    const config = [{ plugins: { probe: { rules: { probe } } }, rules: { "probe/probe": ["error", { flag: false }] } }];
    for (const filename of ["a.js", "b.js", "c.js"]) linter.verify("x;", config as never, { filename });
    expect(seen).toHaveLength(3);
    expect(seen[0]).toEqual({ names: ["x"], flag: false });
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toBe(seen[0]);
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
