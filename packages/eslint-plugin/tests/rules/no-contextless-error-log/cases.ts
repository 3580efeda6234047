import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import type { ESLintUtils } from "@typescript-eslint/utils";
import type rule from "../../../src/rules/no-contextless-error-log/index.js";

type Rule = typeof rule;
export type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<Rule>;
export type Options = ESLintUtils.InferOptionsTypeFromRule<Rule>;
export type Invalid = InvalidTestCase<MessageIds, Options>;
export type Valid = ValidTestCase<Options>;
