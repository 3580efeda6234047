import type { Command } from "commander";
import { addDepsOptions, addReportOptions, addRunOptions, type DepsOptions, type ReportOptions, type RunOptions } from "./common-options.js";
import { scanCommand } from "./scan.js";

export interface DepsCommandOptions extends ReportOptions, RunOptions, DepsOptions {}

/**
 * `vibeguard deps [path]`: the dependency checker alone. It is `scan --only deps`, so files,
 * configuration, output formats and exit codes are the scan's; a folder with no source file is not an
 * error (there is nothing to check against the lockfile).
 */
export function addDepsCommand(program: Command, version: string, setExitCode: (code: number) => void): void {
  const command = program
    .command("deps")
    .description("check imports against the versions the lockfile pins: removed, not-yet, deprecated APIs, bad subpaths, unknown packages")
    .argument("[path]", "project folder (default: the current directory)");
  addDepsOptions(addRunOptions(addReportOptions(command))).action(async (target: string | undefined, options: DepsCommandOptions) => {
    setExitCode(await scanCommand(target ? [target] : [], { ...options, only: ["deps"], allowEmpty: true }, version));
  });
}
