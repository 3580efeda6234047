// A log line that drops the error is reported even when the handler then hands the error on (the
// `allowHandoff` option restores the old exemption); pure pass-through and CLI exits stay silent (issue 10).
export const invalidCodes = [
  { name: "breadcrumb then rethrow: the log line still lacks the error", code: `export async function run() {\n  try {\n    await migrate();\n  } catch (err) {\n    console.error("Migration failed");\n    throw err;\n  }\n}` },
  { name: "Express: message only, then next(err)", code: `app.get("/users/:id", async (req, res, next) => {\n  try {\n    res.json(await users.find(req.params.id));\n  } catch (err) {\n    logger.error(\`User lookup failed: \${err.message}\`);\n    next(err);\n  }\n});` },
  { name: "error-first callback: breadcrumb then callback(err)", code: `export function readJson(path, callback) {\n  fs.readFile(path, "utf8", (err, text) => {\n    if (err) {\n      console.warn("Could not read " + path);\n      return callback(err);\n    }\n    callback(null, JSON.parse(text));\n  });\n}` },
  { name: "new Promise: breadcrumb then reject(err)", code: `export const upload = (stream) => new Promise((resolve, reject) => {\n  stream.on("error", (err) => {\n    console.error("Upload stream broke");\n    reject(err);\n  });\n});` },
  { name: "a CLI that prints a fixed line and exits still loses the error", code: `main().catch((err) => {\n  console.error("Something went wrong");\n  process.exit(1);\n});` },
];

export const validCodes = [
  { name: "pure pass-through: catch (e) { throw e }", code: `export async function load() {\n  try {\n    return await read();\n  } catch (e) {\n    throw e;\n  }\n}` },
  { name: "allowHandoff: breadcrumb then next(err)", options: [{ allowHandoff: true }], code: `app.get("/x", async (req, res, next) => {\n  try {\n    res.json(await load());\n  } catch (err) {\n    console.error("Load failed");\n    next(err);\n  }\n});` },
  { name: "the error is recorded elsewhere in the handler (Sentry)", code: `try {\n  await sync();\n} catch (err) {\n  console.error("Sync failed");\n  Sentry.captureException(err);\n  throw err;\n}` },
  { name: "CLI top-level handler prints the message and exits non-zero", code: `main().catch((err) => {\n  console.error(err.message);\n  process.exit(1);\n});` },
  { name: "CLI: message and exitCode in a catch block", code: `try {\n  await build(options);\n} catch (error) {\n  console.error(\`Build failed: \${error.message}\`);\n  process.exitCode = 2;\n}` },
  { name: "bin/ entry point printing the message", filename: "bin/cli.js", code: `run(process.argv).catch((error) => {\n  console.error("vibeguard: " + error.message);\n});` },
  { name: "a module named cli (pg-boss dist/cli.js): the failed statement and message printed per item", filename: "dist/cli.js", code: `export async function reindex(db, commands) {\n  let failures = 0;\n  for (const command of commands) {\n    try {\n      await db.executeSql(command);\n    } catch (err) {\n      failures++;\n      console.error("  x " + command + ": " + err.message);\n    }\n  }\n  if (failures) process.exitCode = 1;\n}` },
  { name: "a TypeScript cli module printing the message", filename: "packages/tool/src/cli.ts", code: `program.parseAsync().catch((error: Error) => {\n  console.error("tool: " + error.message);\n});` },
];

// Look-alikes of the cli module names: a client, and a cli helper library, are not entry points.
export const cliNameLookAlikes = [
  { name: "a client module is not a cli module", filename: "src/client.js", code: `export async function reindex(db, commands) {\n  let failures = 0;\n  for (const command of commands) {\n    try {\n      await db.executeSql(command);\n    } catch (err) {\n      failures++;\n      console.error("  x " + command + ": " + err.message);\n    }\n  }\n  if (failures) process.exitCode = 1;\n}` },
  { name: "a cli-utils library module is not an entry point", filename: "src/cli-utils.js", code: `export async function reindex(db, commands) {\n  let failures = 0;\n  for (const command of commands) {\n    try {\n      await db.executeSql(command);\n    } catch (err) {\n      failures++;\n      console.error("  x " + command + ": " + err.message);\n    }\n  }\n  if (failures) process.exitCode = 1;\n}` },
];
