import type { Command } from "commander";
import { addAnalyzerOptions, addReportOptions, addRunOptions, type AnalyzerOptions, type ReportOptions, type RunOptions } from "./common-options.js";

type DuplicatesCommandOptions = ReportOptions & RunOptions & AnalyzerOptions;

/**
 * `vibeguard duplicates [path]`: the duplicated-utility analyzer alone. It is `scan --only analyzer`,
 * so files, configuration, output formats and exit codes are the scan's.
 */
export function addDuplicatesCommand(program: Command, version: string, setExitCode: (code: number) => void): void {
  const command = program
    .command("duplicates")
    .description("find functions that copy a utility the repository already has, and name the one to import")
    .argument("[path]", "folder or file to analyse (default: the current directory)");
  addAnalyzerOptions(addRunOptions(addReportOptions(command))).action(async (target: string | undefined, options: DuplicatesCommandOptions) => {
    // Loaded when the command runs: registering it must not load the scan.
    const { scanCommand } = await import("./scan.js");
    setExitCode(await scanCommand(target ? [target] : [], { ...options, only: ["analyzer"] }, version));
  });
}
