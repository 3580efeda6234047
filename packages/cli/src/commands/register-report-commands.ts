import { Command, Option } from "commander";
import { FAIL_ON_VALUES, FORMATS } from "../config/config-schema.js";
import { addAnalyzerOptions, addDepsOptions } from "./common-options.js";
// Types only: each command's code (the scan, its engines and reporters) is loaded when that command runs.
import type { BaselineCommandOptions } from "./baseline.js";
import type { MergeCommandOptions } from "./merge.js";
import type { ReportCommandOptions } from "./report.js";

/** `report`, `baseline update` and `merge`: registered beside `scan`; each reports its exit code through `setExitCode`. */
export function registerReportCommands(program: Command, version: string, setExitCode: (code: number) => void): void {
  const report = program
    .command("report")
    .description("write the risk report: grade, hotspots, attribution, trend and every finding (one offline HTML file)")
    .argument("[paths...]", "files or folders to scan")
    .addOption(new Option("-f, --format <format>", "html (default) or markdown").choices(["html", "markdown"]))
    .option("-o, --output <file>", "where to write it (default vibeguard-report.html; markdown goes to stdout)")
    .option("--baseline <file>", "grade new code and mark findings new, unchanged or moved against this baseline")
    .option("--since <ref>", "compare with the findings at this git ref: new, fixed and unchanged")
    .option("--history", "append a summary to .vibeguard/history.jsonl (the report draws the trend)")
    .option("--days <n>", "count findings committed in the last n days (default 30)")
    .option("-c, --config <file>", "configuration file")
    .option("--only <engines...>", "run only these engines")
    .option("--skip <engines...>", "skip these engines")
    .option("--debug", "print timings on stderr");
  addAnalyzerOptions(addDepsOptions(report)).action(async (paths: string[], options: ReportCommandOptions) => setExitCode(await (await import("./report.js")).reportCommand(paths, options, version)));

  const baseline = program
    .command("baseline")
    .description("manage the baseline of accepted findings")
    .command("update")
    .description("scan and write the baseline (default .vibeguard/baseline.json); commit it")
    .argument("[paths...]", "files or folders to scan")
    .option("-o, --output <file>", "baseline file to write")
    .option("-c, --config <file>", "configuration file")
    .option("--only <engines...>", "run only these engines")
    .option("--skip <engines...>", "skip these engines");
  addAnalyzerOptions(addDepsOptions(baseline)).action(async (paths: string[], options: BaselineCommandOptions) => setExitCode(await (await import("./baseline.js")).baselineUpdateCommand(paths, options)));

  program
    .command("merge")
    .description("join the JSON or SARIF outputs of `scan --shard i/n` runs into one result or report")
    .argument("<files...>", "shard outputs")
    .addOption(new Option("-f, --format <format>", "output format (default json)").choices(FORMATS))
    .option("-o, --output <file>", "write to a file instead of stdout")
    .addOption(new Option("--fail-on <level>", "exit 1 when a finding reaches this level (default: error)").choices(FAIL_ON_VALUES))
    .option("--baseline <file>", "fail only on findings not in this baseline")
    .action(async (files: string[], options: MergeCommandOptions) => setExitCode(await (await import("./merge.js")).mergeCommand(files, options, version)));
}
