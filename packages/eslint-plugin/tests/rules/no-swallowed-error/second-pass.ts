// Expected reports for second-pass-codes.ts: recorded from the rule, each message read and checked by hand.
import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-swallowed-error/index.js";
import { invalidCodes, validCodes } from "./second-pass-codes.js";

type Invalid = InvalidTestCase<MessageIds, Options>;

const expected: Record<string, Invalid["errors"]> = {
  "log-only catch at the end of a function whose callers get undefined as success": [
    {
      "messageId": "logThenSuccess",
      "line": 4,
      "column": 5,
      "suggestions": [
        {
          "messageId": "suggestRethrow",
          "output": "export async function saveSettings(settings) {\n  try {\n    await db.settings.update(settings);\n  } catch (err) {\n    logger.error({ err }, \"Failed to save settings\");\n    throw err;\n  }\n}"
        },
        {
          "messageId": "suggestOptOutComment",
          "output": "export async function saveSettings(settings) {\n  try {\n    await db.settings.update(settings);\n  } catch (err) { /* ignore: <why this failure is safe to ignore> */\n    logger.error({ err }, \"Failed to save settings\");\n  }\n}"
        }
      ]
    }
  ],
  "log-only catch inside a loop that goes on to the next item": [
    {
      "messageId": "logThenSuccess",
      "line": 5,
      "column": 7,
      "suggestions": [
        {
          "messageId": "suggestRethrow",
          "output": "export async function syncAll(accounts) {\n  for (const account of accounts) {\n    try {\n      await syncAccount(account);\n    } catch (err) {\n      console.error(\"sync failed\", account.id, err);\n      throw err;\n    }\n  }\n  return { ok: true };\n}"
        },
        {
          "messageId": "suggestOptOutComment",
          "output": "export async function syncAll(accounts) {\n  for (const account of accounts) {\n    try {\n      await syncAccount(account);\n    } catch (err) { /* ignore: <why this failure is safe to ignore> */\n      console.error(\"sync failed\", account.id, err);\n    }\n  }\n  return { ok: true };\n}"
        }
      ]
    }
  ],
  "fire-and-forget promise.catch that only warns": [
    {
      "messageId": "logThenSuccess",
      "line": 2,
      "column": 32,
      "suggestions": [
        {
          "messageId": "suggestOptOutComment",
          "output": "export function registerUser(user) {\n  sendWelcomeEmail(user).catch(/* ignore: <why this failure is safe to ignore> */ (err) => log.warn({ err }, \"welcome email failed\"));\n  return { status: \"created\" };\n}"
        }
      ]
    }
  ],
  "log then return 0": [
    {
      "messageId": "logThenDefault",
      "line": 4,
      "column": 5,
      "suggestions": [
        {
          "messageId": "suggestRethrow",
          "output": "export async function countOrders(userId) {\n  try {\n    return await db.orders.count({ where: { userId } });\n  } catch (err) {\n    logger.error({ err }, \"count failed\");\n    throw err;\n  }\n}"
        },
        {
          "messageId": "suggestOptOutComment",
          "output": "export async function countOrders(userId) {\n  try {\n    return await db.orders.count({ where: { userId } });\n  } catch (err) { /* ignore: <why this failure is safe to ignore> */\n    logger.error({ err }, \"count failed\");\n    return 0;\n  }\n}"
        }
      ]
    }
  ],
  "log then return a DEFAULT_ constant": [
    {
      "messageId": "logThenDefault",
      "line": 5,
      "column": 5,
      "suggestions": [
        {
          "messageId": "suggestRethrow",
          "output": "const DEFAULT_PLAN = { tier: \"free\" };\nexport async function getPlan(id) {\n  try {\n    return await billing.plans.retrieve(id);\n  } catch (err) {\n    console.error(err);\n    throw err;\n  }\n}"
        },
        {
          "messageId": "suggestOptOutComment",
          "output": "const DEFAULT_PLAN = { tier: \"free\" };\nexport async function getPlan(id) {\n  try {\n    return await billing.plans.retrieve(id);\n  } catch (err) { /* ignore: <why this failure is safe to ignore> */\n    console.error(err);\n    return DEFAULT_PLAN;\n  }\n}"
        }
      ]
    }
  ],
  "log then return 'unknown'": [
    {
      "messageId": "logThenDefault",
      "line": 5,
      "column": 5,
      "suggestions": [
        {
          "messageId": "suggestRethrow",
          "output": "export async function lookupCountry(ip) {\n  try {\n    const res = await fetch(`https://geo.example.com/${ip}`);\n    return (await res.json()).country;\n  } catch (err) {\n    logger.warn({ err }, \"geo lookup failed\");\n    throw err;\n  }\n}"
        },
        {
          "messageId": "suggestOptOutComment",
          "output": "export async function lookupCountry(ip) {\n  try {\n    const res = await fetch(`https://geo.example.com/${ip}`);\n    return (await res.json()).country;\n  } catch (err) { /* ignore: <why this failure is safe to ignore> */\n    logger.warn({ err }, \"geo lookup failed\");\n    return \"unknown\";\n  }\n}"
        }
      ]
    }
  ],
  "tryLock returning false on a connection error": [
    {
      "messageId": "defaultReturn",
      "line": 4,
      "column": 5,
      "suggestions": [
        {
          "messageId": "suggestRethrow",
          "output": "export async function tryLock(key) {\n  try {\n    return (await redis.set(key, \"1\", \"NX\", \"PX\", 30000)) === \"OK\";\n  } catch (err) {\n    throw err;\n  }\n}"
        },
        {
          "messageId": "suggestOptOutComment",
          "output": "export async function tryLock(key) {\n  try {\n    return (await redis.set(key, \"1\", \"NX\", \"PX\", 30000)) === \"OK\";\n  } catch (err) { /* ignore: <why this failure is safe to ignore> */\n    return false;\n  }\n}"
        }
      ]
    }
  ]
};

export const secondPassInvalid: Invalid[] = invalidCodes.map((testCase) => ({ ...testCase, errors: expected[testCase.name] ?? [] }));
export const secondPassValid: ValidTestCase<Options>[] = validCodes;
