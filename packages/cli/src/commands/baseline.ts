import path from "node:path";
import { headCommit } from "../attribution/git.js";
import { baselineFromFindings, DEFAULT_BASELINE_FILE, writeBaseline } from "../baseline/baseline-file.js";
import { loadConfig } from "../config/load-config.js";
import { createProgress } from "../progress/progress-bar.js";
import { runScan } from "../scan/run-scan.js";
import { parseEngines } from "./scan.js";

export interface BaselineCommandOptions {
  output?: string;
  config?: string;
  only?: string[];
  skip?: string[];
}

/** `vibeguard baseline update [paths...]`: accept today's findings; later scans with --baseline fail only on new ones. */
export async function baselineUpdateCommand(paths: string[], options: BaselineCommandOptions): Promise<number> {
  const root = process.cwd();
  const { config } = await loadConfig(root, options.config);
  const result = await runScan({
    root,
    paths,
    config,
    only: parseEngines(options.only, "--only"),
    skip: parseEngines(options.skip, "--skip"),
    debug: () => {},
    progress: createProgress(true),
  });
  const file = options.output ?? DEFAULT_BASELINE_FILE;
  writeBaseline(path.resolve(root, file), baselineFromFindings(result.findings, headCommit(root)));
  process.stderr.write(`vibeguard: baseline of ${result.findings.length} finding(s) in ${result.filesScanned} file(s) written to ${file}\n`);
  return 0;
}
