import { Option, type Command } from "commander";
import { FAIL_ON_VALUES, FORMATS } from "../config/config-schema.js";

interface DuplicatesCommandOptions {
  format?: string;
  output?: string;
  failOn?: string;
  maxWarnings?: string;
  config?: string;
  quiet?: boolean;
  debug?: boolean;
}

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
    .action(async (target: string | undefined, options: DuplicatesCommandOptions) => {
      // Loaded when the command runs: registering it must not load the scan.
      const { scanCommand } = await import("./scan.js");
      setExitCode(await scanCommand(target ? [target] : [], { ...options, only: ["analyzer"] }, version));
    });
}
