import path from "node:path";
import { headCommit } from "../attribution/git.js";
import { baselineFromFindings, DEFAULT_BASELINE_FILE, writeBaseline } from "../baseline/baseline-file.js";
import { runScan } from "../scan/run-scan.js";
import type { AnalyzerOptions, DepsOptions } from "./common-options.js";
import { scanSetup } from "./scan-setup.js";

export interface BaselineCommandOptions extends DepsOptions, AnalyzerOptions {
  output?: string;
  config?: string;
  only?: string[];
  skip?: string[];
}

/** `vibeguard baseline update [paths...]`: accept today's findings; later scans with --baseline fail only on new ones. */
export async function baselineUpdateCommand(paths: string[], options: BaselineCommandOptions): Promise<number> {
  const { cwd, scanOptions } = await scanSetup(paths, options);
  const result = await runScan(scanOptions);
  // The default lives at the scan root (beside .git), an explicit file where the user names it.
  const file = options.output ?? path.relative(cwd, path.join(result.root, DEFAULT_BASELINE_FILE));
  writeBaseline(path.resolve(cwd, file), baselineFromFindings(result.findings, headCommit(result.root)));
  process.stderr.write(`vibeguard: baseline of ${result.findings.length} finding(s) in ${result.filesScanned} file(s) written to ${file}\n`);
  return 0;
}
