import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import pc from "picocolors";
import { CatalogError, ResultsFormatError } from "@vibeguard/core";
import { addDuplicatesCommand } from "./commands/duplicates.js";
import { addDepsCommand } from "./commands/deps.js";
import { addScanCommand } from "./commands/scan.js";
import { registerReportCommands } from "./commands/register-report-commands.js";
import { registerInitCommand } from "./commands/init.js";
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

  addScanCommand(program, version, (code) => (exitCode = code));
  addDuplicatesCommand(program, version, (code) => (exitCode = code));
  addDepsCommand(program, version, (code) => (exitCode = code));

  registerReportCommands(program, version, (code) => (exitCode = code));
  registerInitCommand(program, (code) => {
    exitCode = code;
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
