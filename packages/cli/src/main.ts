import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import pc from "picocolors";
import { CatalogError, ResultsFormatError } from "@vibeguard/core";
import { addDuplicatesCommand, INCLUDE_TESTS_HELP, INCLUDE_VENDORED_HELP } from "./commands/duplicates.js";
import { depsCommand, type DepsCommandOptions } from "./commands/deps.js";
import { scanCommand, type ScanCommandOptions } from "./commands/scan.js";
import { registerReportCommands } from "./commands/register-report-commands.js";
import { registerInitCommand } from "./commands/init.js";
import { FAIL_ON_VALUES, FORMATS } from "./config/config-schema.js";
import { EXIT_USAGE, UsageError } from "./errors.js";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

/** Runs the CLI and resolves to the exit code (0 clean, 1 findings over the threshold, 2 usage or config error). */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command("vibeguard")
    .description("Find what AI coding agents get wrong: swallowed errors, string-built SQL, secrets, open CORS, un-retried calls.")
    .version(version)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  program
    .command("scan")
    .description("scan files or folders (default: the current directory) and report findings")
    .argument("[paths...]", "files or folders to scan")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .addOption(new Option("--fail-on <level>", "exit 1 when a finding reaches this level (default: error)").choices(FAIL_ON_VALUES))
    .option("--max-warnings <n>", "exit 1 when there are more than n warnings")
    .option("--changed", "only scan files changed since --base (default HEAD), plus untracked files")
    .option("--base <ref>", "git ref to compare against with --changed, e.g. origin/main")
    .option("-c, --config <file>", "configuration file (default: vibeguard.config.* or package.json#vibeguard)")
    .option("--only <engines...>", "run only these engines (eslint, analyzer, deps)")
    .option("--skip <engines...>", "skip these engines")
    .option("--allow-empty", "exit 0 when the paths hold no file to scan (default: exit 2, as ESLint does)")
    .option("-q, --quiet", "report errors only")
    .option("--debug", "print timings and decisions on stderr")
    // Baselines, sharding and history (issue 14):
    .option("--baseline <file>", "fail only on findings not in this baseline (see `vibeguard baseline update`)")
    .option("--shard <i/n>", "scan only shard i of n (deterministic, balanced by size); join with `vibeguard merge`")
    .option("--history", "append a summary of this scan to .vibeguard/history.jsonl")
    .option("--include-tests", INCLUDE_TESTS_HELP)
    .option("--include-vendored", INCLUDE_VENDORED_HELP)
    .action(async (paths: string[], options: ScanCommandOptions) => {
      exitCode = await scanCommand(paths, options, version);
    });
  addDuplicatesCommand(program, version, (code) => (exitCode = code));

  registerReportCommands(program, version, (code) => (exitCode = code));
  registerInitCommand(program, (code) => {
    exitCode = code;
  });

  program
    .command("deps")
    .description("check imports against the versions the lockfile pins: removed, not-yet, deprecated APIs, bad subpaths, unknown packages")
    .argument("[path]", "project folder (default: the current directory)")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .addOption(new Option("--fail-on <level>", "exit 1 when a finding reaches this level (default: error)").choices(FAIL_ON_VALUES))
    .option("-c, --config <file>", "configuration file (default: vibeguard.config.* or package.json#vibeguard)")
    .option("--offline", "use only the cache and node_modules; report what could not be checked")
    .option("--registry <url>", "npm registry URL (default: from .npmrc)")
    .option("--cache-dir <dir>", "cache folder (default: node_modules/.cache/vibeguard, else the user cache folder)")
    .option("-q, --quiet", "report errors only")
    .option("--debug", "print timings and decisions on stderr")
    .action(async (target: string | undefined, options: DepsCommandOptions) => {
      exitCode = await depsCommand(target, options, version);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; commander has already printed the usage problem.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError || error instanceof CatalogError || error instanceof ResultsFormatError) {
      process.stderr.write(`${pc.red("vibeguard:")} ${error.message}\n`);
      if (error instanceof UsageError && error.hint) process.stderr.write(`  ${error.hint}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`${pc.red("vibeguard: internal error:")} ${(error as Error).stack ?? String(error)}\n`);
    process.stderr.write("  please report this with the command you ran\n");
    return EXIT_USAGE;
  }
}
