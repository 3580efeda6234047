// `registrationMethod` runs on every call of every file, so it skips `unwrap` for the usual callees. It must
// give what `unwrap` + `memberName` + the method table give, through TypeScript wrappers and optional chains too.
import { parse } from "@typescript-eslint/parser";
import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import { memberName, unwrap, walk } from "../../../src/util/ast.js";
import { registrationMethod } from "../../../src/rules/require-auth-middleware/routes.js";

const METHODS = ["get", "post", "put", "patch", "delete", "del", "all", "use", "addHook"];

function reference(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== "MemberExpression") return undefined;
  const name = memberName(callee);
  return name !== undefined && METHODS.includes(name) ? name : undefined;
}

const CODE = `
  router.post("/a", auth, h); app.use(auth); fastify.addHook("onRequest", x); map.get(k); get("/x"); post();
  (app as any).put("/b", h); app!.patch("/c", h); (<any>app).delete("/d", h); app?.get("/e", h); (app.get)("/f", h);
  (app.post as Handler)("/g", h); app.post!("/h", h); app["del"]("/i", h); app[method]("/j", h); this.router.all("*", h);
  app.route("/k").get(h).put(auth, h); class R { #get() {} run() { this.#get(); this.#post("/l", h); } } app[\`put\`]("/m", h); app[1](); obj.getUser(); (0, app.use)(x); (() => {})(); f()(); new X().use(y);
`;

describe("registrationMethod", () => {
  it("agrees with unwrap, memberName and the registration methods on every call shape", () => {
    const program = parse(CODE, { range: true }) as unknown as TSESTree.Program;
    const calls: TSESTree.CallExpression[] = [];
    walk(program, (node) => {
      if (node.type === "CallExpression") calls.push(node);
    });
    expect(calls.length).toBeGreaterThan(20);
    for (const call of calls) expect(registrationMethod(call), CODE.slice(call.range[0], call.range[1])).toBe(reference(call));
    // Both outcomes, and the wrapped callees, are among the cases.
    expect(calls.filter((call) => registrationMethod(call) !== undefined).length).toBeGreaterThan(12);
    expect(calls.filter((call) => call.callee.type !== "MemberExpression" && registrationMethod(call) !== undefined).length).toBe(2);
  });
});
