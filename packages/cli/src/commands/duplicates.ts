import { Option, type Command } from "commander";
import { FAIL_ON_VALUES, FORMATS } from "../config/config-schema.js";
import { scanCommand } from "./scan.js";

interface DuplicatesCommandOptions {
  format?: string;
  output?: string;
  failOn?: string;
  maxWarnings?: string;
  config?: string;
  quiet?: boolean;
  debug?: boolean;
  includeTests?: boolean;
  includeVendored?: boolean;
}

/** The analyzer's options, shared by `duplicates` and `scan`. */
export const INCLUDE_TESTS_HELP = "also analyse test files (__tests__/, *.test.ts, ...), which the duplicated-utility analyzer skips by default";
export const INCLUDE_VENDORED_HELP = "also analyse vendored and generated code (vendor/, generated/, *.gen.ts), which the analyzer skips by default";

/**
 * `vibeguard duplicates [path]`: the duplicated-utility analyzer alone. It is `scan --only analyzer`,
 * so files, configuration, output formats and exit codes are the scan's.
 */
export function addDuplicatesCommand(program: Command, version: string, setExitCode: (code: number) => void): void {
  program
    .command("duplicates")
    .description("find functions that copy a utility the repository already has, and name the one to import")
    .argument("[path]", "folder or file to analyse (default: the current directory)")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .addOption(new Option("--fail-on <level>", "exit 1 when a finding reaches this level (default: error)").choices(FAIL_ON_VALUES))
    .option("--max-warnings <n>", "exit 1 when there are more than n warnings")
    .option("-c, --config <file>", "configuration file (default: vibeguard.config.* or package.json#vibeguard)")
    .option("-q, --quiet", "report errors only")
    .option("--debug", "print timings and decisions on stderr")
    .option("--include-tests", INCLUDE_TESTS_HELP)
    .option("--include-vendored", INCLUDE_VENDORED_HELP)
    .action(async (target: string | undefined, options: DuplicatesCommandOptions) => {
      setExitCode(await scanCommand(target ? [target] : [], { ...options, only: ["analyzer"] }, version));
    });
}
