import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-permissive-cors/index.js";
import { code } from "../../code.js";
import { ALLOW_LIST } from "./allow-list.js";

/**
 * Files the rule's text gates (src/rules/no-permissive-cors/text-gates.ts) must not skip: the only
 * hint in each is the one the gate looks for, in the case it is written.
 */
export const gateInvalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "gate: upper-case header names, no library in the file",
    code: code`
      export function handler(req, res) {
        res.setHeader("ACCESS-CONTROL-ALLOW-ORIGIN", req.headers.origin);
        res.setHeader("ACCESS-CONTROL-ALLOW-CREDENTIALS", "true");
        res.end();
      }
    `,
    errors: [{ messageId: "credentialsWithReflectedOrigin", line: 2, column: 3 }],
  },
  {
    name: "gate: Nest enableCors on an app whose module is imported elsewhere, no lower-case `cors` in the file",
    filename: "main.ts",
    code: code`
      import { NestFactory } from "@nestjs/core";
      import { AppModule } from "./app.module";
      const app = await NestFactory.create(AppModule);
      app.enableCors({ origin: true, credentials: true });
    `,
    errors: [
      {
        messageId: "credentialsWithReflectedOrigin",
        line: 4,
        column: 18,
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import { NestFactory } from "@nestjs/core";
              import { AppModule } from "./app.module";
              const app = await NestFactory.create(AppModule);
              app.enableCors({ origin: ${ALLOW_LIST}, credentials: true });
            `,
          },
        ],
      },
    ],
  },
];

export const gateValid: ValidTestCase<Options>[] = [
  {
    name: "gate: a Nest controller file that configures no CORS",
    filename: "users.controller.ts",
    code: code`
      import { Controller, Get, Header } from "@nestjs/common";
      @Controller("users")
      export class UsersController {
        @Get()
        @Header("Cache-Control", "no-store")
        findAll() {
          return [];
        }
      }
    `,
  },
];
