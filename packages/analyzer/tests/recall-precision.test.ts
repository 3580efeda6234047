import { describe, expect, it } from "vitest";
import { analyzeFolder, writeTree } from "./helpers.js";

/** Each case is a small repository on disk: `src/lib/*.ts` holds the originals, the other files the copies. */
const pairsIn = async (files: Record<string, string>) => {
  const { duplicates } = await analyzeFolder(writeTree(files));
  return duplicates.map((d) => `${d.copy.unit.name} -> ${d.canonical.unit.name}`).sort();
};

describe("type-3 copies of short helpers", () => {
  it("finds a copy whose statements were moved, where token trigrams alone fall under the threshold", async () => {
    const pairs = await pairsIn({
      "src/lib/money.ts": `export function sumAll(amounts: Iterable<bigint>): bigint {
  let out = zero;
  for (const n of amounts) {
    out = add(out, n);
    count(n);
  }
  log(out);
  return out;
}
`,
      "src/report.ts": `function totalOf(values: Iterable<bigint>): bigint {
  log(total);
  for (const v of values) {
    total = add(total, v);
    count(v);
  }
  let total = zero;
  return total;
}
`,
    });
    expect(pairs).toEqual(["totalOf -> sumAll"]);
  });

  it("finds a copy with a guard added at the top of a four-statement helper", async () => {
    const pairs = await pairsIn({
      "src/lib/options.ts": `export function compact<A>(items: ReadonlyArray<Option<A>>): A[] {
  const out: A[] = [];
  for (const item of items) {
    if (isSome(item)) out.push(item.value);
  }
  return fromArray(out);
}
`,
      "src/views/list.ts": `function presentOnly<A>(list: ReadonlyArray<Option<A>>): A[] {
  if (list === undefined) {
    throw new TypeError("list is required");
  }
  const kept: A[] = [];
  for (const entry of list) {
    if (isSome(entry)) kept.push(entry.value);
  }
  return fromArray(kept);
}
`,
    });
    expect(pairs).toEqual(["presentOnly -> compact"]);
  });
});

describe("families", () => {
  const sign = (name: string, compare: string) => `export const ${name} = (input: Input): boolean => {
  const self = fromInput(input);
  switch (self.value._tag) {
    case "Millis":
      return self.value.millis ${compare} 0;
    case "Nanos":
      return self.value.nanos ${compare} BigInt(0);
    case "Infinity":
      return ${compare === ">" ? "true" : "false"};
  }
};
`;

  it("reports a copy against the established sibling it copies, not the first of several look-alike siblings", async () => {
    const { duplicates } = await analyzeFolder(
      writeTree({
        "src/lib/duration.ts": `${sign("isZero", "===")}\n${sign("isNegative", "<")}\n${sign("isPositive", ">")}`,
        "src/app/timer.ts": sign("isBelowZero", "<").replace("const self", "if (input === undefined) throw new TypeError(\"input\");\n  const self"),
      }),
    );
    const copy = duplicates.find((d) => d.copy.unit.name === "isBelowZero");
    expect(copy?.canonical.unit.name).toBe("isNegative");
  });

  it("never chains A~B~C into one family when A and C are not alike", async () => {
    const { families } = await analyzeFolder(
      writeTree({
        "src/lib/a.ts": `export function build(items: Item[]) {
  const out = [];
  for (const item of items) out.push(render(item.title));
  send(out);
  audit("build");
  return out.length;
}
`,
        "src/b.ts": `function buildAgain(items: Item[]) {
  const out = [];
  for (const item of items) out.push(render(item.title));
  send(out);
  audit("again");
  notify(out.length);
  return out.length;
}
`,
        "src/c.ts": `function buildMore(items: Item[]) {
  const out = [];
  for (const item of items) out.push(render(item.title));
  notify(out.length);
  track(out.length, items.length);
  return out.length;
}
`,
      }),
    );
    for (const family of families) expect(family.members.length, family.members.map((m) => m.unit.name).join(", ")).toBeLessThanOrEqual(2);
  });
});

describe("small units", () => {
  it("reports an exact copy of a helper of 12 to 17 tokens", async () => {
    const every = (name: string) => `export const ${name} = (flags: Iterable<boolean>): boolean => {
  for (const flag of flags) {
    if (!flag) return false;
  }
  return true;
};
`;
    expect(await pairsIn({ "src/lib/flags.ts": every("every"), "src/form.ts": every("allChecked").replace("export ", "") })).toEqual(["allChecked -> every"]);
  });

  it("stays silent on three-statement siblings that differ in the names they call or the literals they hold", async () => {
    const pairs = await pairsIn({
      "src/lib/builder.ts": `export class Builder {
  forShare(...tables: string[]) {
    this.single.lock = lockMode.forShare;
    this.single.lockTables = tables;
    return this;
  }
  forNoKeyUpdate(...tables: string[]) {
    this.single.lock = lockMode.forNoKeyUpdate;
    this.single.lockTables = tables;
    return this;
  }
  orderByRaw(sql: string, bindings: unknown[]) {
    const raw = isRaw(sql) ? sql : this.client.raw(sql, bindings);
    this.statements.push({ grouping: "order", type: "orderByRaw", value: raw });
    return this;
  }
  groupByRaw(sql: string, bindings: unknown[]) {
    const raw = isRaw(sql) ? sql : this.client.raw(sql, bindings);
    this.statements.push({ grouping: "group", type: "groupByRaw", value: raw });
    return this;
  }
}
`,
    });
    expect(pairs).toEqual([]);
  });

  it("still reports a three-statement copy with the same literals", async () => {
    const raw = (name: string) => `export function ${name}(sql: string, bindings: unknown[]) {
  const raw = isRaw(sql) ? sql : client.raw(sql, bindings);
  statements.push({ grouping: "order", type: "orderByRaw", value: raw });
  return raw;
}
`;
    expect(await pairsIn({ "src/lib/raw.ts": raw("orderByRaw"), "src/query.ts": raw("sortRaw").replace("export ", "") })).toEqual(["sortRaw -> orderByRaw"]);
  });
});

describe("type-4: accumulator loop vs map, filter and reduce", () => {
  const prelude = `if (!input) throw new Error("no input");
  const scale = input.scale ?? 1;
  log("scale", scale);`;

  it.each([
    ["map", `const out: number[] = [];\n  for (const v of input.values) {\n    out.push(v * scale + offset);\n  }\n  return out;`, `return input.values.map((item) => item * scale + offset);`],
    ["filter", `const out = [];\n  for (let i = 0; i < input.values.length; i++) {\n    const v = input.values[i];\n    if (v > scale && v !== skip) out.push(v);\n  }\n  return out;`, `const kept = input.values.filter((x) => x > scale && x !== skip);\n  return kept;`],
    ["reduce", `let sum = 0;\n  input.values.forEach((p) => {\n    sum += p * scale + fee;\n  });\n  return sum;`, `return input.values.reduce((acc, p) => acc + (p * scale + fee), 0);`],
  ])("finds the %s rewrite of a loop", async (_kind, loop, method) => {
    const pairs = await pairsIn({
      "src/lib/values.ts": `export function fromLoop(input: Input) {\n  ${prelude}\n  ${loop}\n}\n`,
      "src/feature.ts": `const withMethod = (input: Input) => {\n  ${prelude}\n  ${method}\n};\n`,
    });
    expect(pairs).toEqual(["withMethod -> fromLoop"]);
  });
});
