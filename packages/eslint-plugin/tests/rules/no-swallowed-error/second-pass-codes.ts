// Log-only handlers whose caller sees success, logging then returning a default, tryX helpers that do I/O,
// and the library idioms that handle the failure by design (issue 10).
export const invalidCodes = [
  { name: "log-only catch at the end of a function whose callers get undefined as success", code: `export async function saveSettings(settings) {\n  try {\n    await db.settings.update(settings);\n  } catch (err) {\n    logger.error({ err }, "Failed to save settings");\n  }\n}` },
  { name: "log-only catch inside a loop that goes on to the next item", code: `export async function syncAll(accounts) {\n  for (const account of accounts) {\n    try {\n      await syncAccount(account);\n    } catch (err) {\n      console.error("sync failed", account.id, err);\n    }\n  }\n  return { ok: true };\n}` },
  { name: "fire-and-forget promise.catch that only warns", code: `export function registerUser(user) {\n  sendWelcomeEmail(user).catch((err) => log.warn({ err }, "welcome email failed"));\n  return { status: "created" };\n}` },
  { name: "log then return 0", code: `export async function countOrders(userId) {\n  try {\n    return await db.orders.count({ where: { userId } });\n  } catch (err) {\n    logger.error({ err }, "count failed");\n    return 0;\n  }\n}` },
  { name: "log then return a DEFAULT_ constant", code: `const DEFAULT_PLAN = { tier: "free" };\nexport async function getPlan(id) {\n  try {\n    return await billing.plans.retrieve(id);\n  } catch (err) {\n    console.error(err);\n    return DEFAULT_PLAN;\n  }\n}` },
  { name: "log then return 'unknown'", code: `export async function lookupCountry(ip) {\n  try {\n    const res = await fetch(\`https://geo.example.com/\${ip}\`);\n    return (await res.json()).country;\n  } catch (err) {\n    logger.warn({ err }, "geo lookup failed");\n    return "unknown";\n  }\n}` },
  { name: "tryLock returning false on a connection error", code: `export async function tryLock(key) {\n  try {\n    return (await redis.set(key, "1", "NX", "PX", 30000)) === "OK";\n  } catch (err) {\n    return false;\n  }\n}` },
];

export const validCodes = [
  { name: "tryParse around JSON.parse returning null is its contract", code: `export function tryParse(text) {\n  try {\n    return JSON.parse(text);\n  } catch {\n    return null;\n  }\n}` },
  { name: "tryParseUrl around new URL", code: `export function tryParseUrl(value) {\n  try {\n    return new URL(value);\n  } catch {\n    return undefined;\n  }\n}` },
  { name: "feature detection: optional require", code: `let sharp;\ntry {\n  sharp = require("sharp");\n} catch {}\nexport const hasSharp = () => sharp !== undefined;` },
  { name: "feature detection: probing a global", code: `let supportsStructuredClone = true;\ntry {\n  structuredClone({});\n} catch {\n  supportsStructuredClone = false;\n}\nexport { supportsStructuredClone };` },
  { name: "error surfaced through an 'error' event", code: `export class Poller extends EventEmitter {\n  async tick() {\n    try {\n      await this.poll();\n    } catch (err) {\n      this.emit("error", err);\n    }\n  }\n}` },
  { name: "lazy connect: the client reports connection failures as 'error' events", code: `export class Cache {\n  get(key) {\n    if (this.status === "wait") this.redis.connect().catch(noop);\n    return this.redis.get(key);\n  }\n}` },
  { name: "error surfaced through a callback", code: `export function load(path, callback) {\n  try {\n    callback(null, fs.readFileSync(path, "utf8"));\n  } catch (err) {\n    callback(err);\n  }\n}` },
  { name: "error stored in a query/result cache", code: `export async function fetchQuery(key, fn) {\n  try {\n    cache.set(key, { status: "success", data: await fn() });\n  } catch (error) {\n    cache.set(key, { status: "error", error });\n  }\n}` },
  { name: "error pushed to a validation-issue list", code: `export function validateAll(items, schema) {\n  const issues = [];\n  for (const item of items) {\n    try {\n      schema.parse(item);\n    } catch (error) {\n      issues.push({ item, error });\n    }\n  }\n  return issues;\n}` },
  { name: "CLI entry point printing the message and exiting non-zero", code: `async function main() {\n  await run(process.argv.slice(2));\n}\nmain().catch((error) => {\n  console.error(error.message);\n  process.exit(1);\n});` },
  { name: "benchmark loop ignoring a failed iteration", filename: "bench/parse.bench.js", code: `for (let i = 0; i < 1000; i++) {\n  try {\n    parse(samples[i]);\n  } catch {}\n}` },
];
