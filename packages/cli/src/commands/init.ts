import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import pc from "picocolors";

import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from "../errors.js";
import { processIo, type InitIo } from "../init/confirm.js";
import type { FileChange, InitPlan } from "../init/plan.js";

/** Colour only for a person at a terminal: picocolors turns colour on whenever CI is set, which would put escape codes in logs. */
const colors = (io: InitIo) => pc.createColors(io.interactive);

export interface InitCommandOptions {
  ci?: boolean;
  dryRun?: boolean;
  yes?: boolean;
}

/** Registers `vibeguard init [dir]` on the program; `setExitCode` receives the command's exit code. */
export function registerInitCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("init")
    .description("add vibeguard to a project: its ESLint flat config, a `vibeguard` package.json script and, with --ci, a GitHub Actions workflow")
    .argument("[dir]", "the project folder (the one with package.json)", ".")
    .option("--ci", "also write .github/workflows/vibeguard.yml (scan and SARIF upload to code scanning)")
    .option("--dry-run", "print the changes as a diff and write nothing")
    .option("-y, --yes", "change existing files without asking (needed when not run in a terminal)")
    .action(async (dir: string, options: InitCommandOptions) => {
      setExitCode(await initCommand(dir, options));
    });
}

/**
 * `vibeguard init`: plans every change first, then writes. New files are written as planned; a change to an
 * existing file needs consent (the prompt on a terminal, `--yes` otherwise). Returns the exit code: 0 done or
 * nothing to do, 1 declined at the prompt; usage problems throw UsageError (exit 2).
 */
export async function initCommand(dir: string, options: InitCommandOptions, io: InitIo = processIo()): Promise<number> {
  const projectDir = path.resolve(dir);
  // Loaded here, not at startup: planning parses config files with typescript-estree, which every other command would pay for.
  const [{ planInit }, { renderDiff }] = await Promise.all([import("../init/plan.js"), import("../init/render-diff.js")]);
  const plan = planInit(projectDir, { workflow: Boolean(options.ci), spreadPreset: await presetIsArray() });

  if (options.dryRun) {
    for (const change of plan.changes) io.out(`${renderDiff(change)}\n`);
    printNotes(plan, io);
    if (plan.changes.length === 0) io.out("vibeguard init: nothing to change\n");
    printNextSteps(plan, io, "would");
    return EXIT_CLEAN;
  }
  if (plan.changes.length === 0) {
    printNotes(plan, io);
    io.out("vibeguard init: nothing to change\n");
    printNextSteps(plan, io, "done");
    return EXIT_CLEAN;
  }

  io.out(`vibeguard init in ${projectDir}:\n`);
  for (const change of plan.changes) io.out(`  ${change.before === undefined ? colors(io).green("create") : colors(io).yellow("update")} ${change.file}: ${change.summary}\n`);
  printNotes(plan, io);

  const existing = plan.changes.filter((change) => change.before !== undefined).map((change) => change.file);
  if (existing.length > 0 && !options.yes) {
    if (!io.interactive) {
      throw new UsageError(`not changing ${existing.join(", ")} without consent (no terminal to ask in)`, "re-run with --yes to apply, or with --dry-run to see the diff");
    }
    if (!(await io.confirm(`Change ${existing.join(", ")}?`))) {
      io.out("Nothing written.\n");
      return EXIT_FINDINGS;
    }
  }

  for (const change of plan.changes) write(projectDir, change);
  io.out(`${colors(io).green("Done.")}\n`);
  printNextSteps(plan, io, "done");
  return EXIT_CLEAN;
}

/**
 * Whether the plugin this CLI ships with (the version init tells the user to install) has presets that are
 * arrays of configs. Loaded here, not at startup: only init needs it.
 */
async function presetIsArray(): Promise<boolean> {
  const { default: plugin } = await import("eslint-plugin-vibeguard");
  return Array.isArray(plugin.configs.recommended);
}

function write(projectDir: string, change: FileChange): void {
  const file = path.join(projectDir, change.file);
  // Planned from what was on disk a moment ago; if that changed meanwhile, the plan no longer applies.
  const now = readIfPresent(file);
  if (now !== change.before) throw new UsageError(`${change.file} changed while init was running`, "run `vibeguard init` again");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, change.after);
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function printNotes(plan: InitPlan, io: InitIo): void {
  for (const note of plan.notes) io.out(`  ${colors(io).dim("note:")} ${note}\n`);
}

function printNextSteps(plan: InitPlan, io: InitIo, state: "done" | "would"): void {
  io.out(`${state === "would" ? "After applying, run" : "Next"}:\n`);
  for (const step of [plan.install, plan.run]) if (step) io.out(`  ${step}\n`);
}
