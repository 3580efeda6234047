import { describe, expect, it } from "vitest";
import { FASTIFY_PLUGIN_MODULES, MIDDLEWARE_MODULES } from "../../../src/rules/no-permissive-cors/cors-libraries.js";
import { ALLOW_CREDENTIALS, ALLOW_ORIGIN } from "../../../src/rules/no-permissive-cors/header-sinks.js";
import { mayConfigureCorsLibrary, mayNameCorsHeader } from "../../../src/rules/no-permissive-cors/text-gates.js";

// The gates let the rule skip a file from its text alone: each must pass every file the rule's tables can match.
describe("no-permissive-cors text gates", () => {
  it("pass every module specifier the rule recognises, imported or required", () => {
    const specifiers = [...MIDDLEWARE_MODULES.keys(), ...FASTIFY_PLUGIN_MODULES.keys(), "socket.io"];
    expect(specifiers.length).toBeGreaterThan(8);
    for (const specifier of specifiers) {
      expect(mayConfigureCorsLibrary(`import x from "${specifier}";`), specifier).toBe(true);
      expect(mayConfigureCorsLibrary(`const x = require('${specifier}');`), specifier).toBe(true);
    }
  });

  it("pass Nest's two sites without any `cors` specifier", () => {
    expect(mayConfigureCorsLibrary("app.enableCors();")).toBe(true);
    expect(mayConfigureCorsLibrary("await NestFactory.create(AppModule, { cors: true });")).toBe(true);
  });

  it("skip a Nest file that configures no CORS", () => {
    expect(mayConfigureCorsLibrary('import { Controller, Get } from "@nestjs/common";\n@Controller("users") export class UsersController {}')).toBe(false);
  });

  it("pass the header names in any case", () => {
    for (const name of [ALLOW_ORIGIN, ALLOW_CREDENTIALS]) {
      expect(mayNameCorsHeader(`res.setHeader("${name}", "*")`), name).toBe(true);
      expect(mayNameCorsHeader(`res.setHeader("${name.toUpperCase()}", "*")`), name).toBe(true);
      const titleCase = name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
      expect(mayNameCorsHeader(`res.setHeader("${titleCase}", "*")`), titleCase).toBe(true);
    }
    expect(mayNameCorsHeader('res.setHeader("Content-Type", "text/plain")')).toBe(false);
  });
});
