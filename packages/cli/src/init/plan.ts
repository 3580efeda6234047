import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";
import { addPluginToConfig } from "./add-plugin-to-config.js";
import { eslintConfigTarget } from "./eslint-config-file.js";
import { githubWorkflow, workflowFile, type WorkflowLayout } from "./github-workflow.js";
import { detectPackageManager, installCommand, runScriptCommand, type PackageManager } from "./package-manager.js";
import { addVibeguardScript, missingPackages, parsePackageJson, SCRIPT_COMMAND, SCRIPT_NAME, type PackageJson } from "./package-json.js";
import { repositoryRoot } from "./repository-root.js";

/** One file init writes: `before` is undefined for a new file. */
export interface FileChange {
  file: string;
  before: string | undefined;
  after: string;
  summary: string;
}

export interface InitPlan {
  changes: FileChange[];
  /** What was left alone, and why. */
  notes: string[];
  packageManager: PackageManager;
  /** The install command for what is missing, when something is. */
  install: string | undefined;
  /** How to run the scan afterwards. */
  run: string;
}

export interface InitOptions {
  /** Also write the GitHub Actions workflow. */
  workflow: boolean;
  /** The plugin's presets are arrays of configs (see ConfigEditOptions). */
  spreadPreset: boolean;
}

/** Works out every change `vibeguard init` would make in `projectDir`, without writing anything. */
export function planInit(projectDir: string, options: InitOptions): InitPlan {
  const read = (file: string) => (existsSync(path.join(projectDir, file)) ? readFileSync(path.join(projectDir, file), "utf8") : undefined);
  const packageText = read("package.json");
  if (packageText === undefined) {
    throw new UsageError(`no package.json in ${projectDir}`, "run `vibeguard init` in the folder of your package.json (or create one with `npm init -y`)");
  }
  const pkg = parsePackageJson(packageText, "package.json");
  const changes: FileChange[] = [];
  const notes: string[] = [];

  const repository = repositoryRoot(projectDir);
  const config = eslintConfigTarget(projectDir, repository, pkg.type, options.spreadPreset);
  if (config.kind === "new") {
    changes.push({ file: config.file, before: undefined, after: config.text, summary: "create it with vibeguard.configs.recommended" });
  } else {
    const before = read(config.file)!;
    const edit = addPluginToConfig(before, config.file, { spreadPreset: options.spreadPreset });
    const whose = config.dir === projectDir ? "" : " (the repository's config, which ESLint uses for this package)";
    if (edit.status === "added") changes.push({ file: config.file, before, after: edit.text, summary: `add vibeguard.configs.recommended${whose}` });
    else notes.push(`${config.file} already loads eslint-plugin-vibeguard: left as it is`);
  }

  const script = addVibeguardScript(packageText, "package.json");
  if (script.status === "added") changes.push({ file: "package.json", before: packageText, after: script.text, summary: `add the script "${SCRIPT_NAME}": "${SCRIPT_COMMAND}"` });
  else if (script.status === "taken") notes.push(`package.json already has a "${SCRIPT_NAME}" script (${JSON.stringify(script.existing)}): left as it is`);

  const packageManager = detectPackageManager(projectDir, pkg.packageManager);
  if (options.workflow) {
    const layout = workflowLayout(projectDir, packageManager, pkg.packageManager);
    const file = workflowFile(layout);
    const before = read(file);
    const after = githubWorkflow(packageManager, layout);
    if (before !== after) changes.push({ file, before, after, summary: before === undefined ? "create the GitHub Actions workflow (SARIF upload)" : "replace the workflow" });
  }

  // The plugin must resolve from the config's folder: when that is the repository's root, install there.
  const installDir = config.dir;
  const installManifest = installDir === projectDir ? pkg : readManifest(path.join(installDir, "package.json"));
  const missing = missingPackages(installManifest, config.file);
  const workspaceRoot = existsSync(path.join(installDir, "pnpm-workspace.yaml"));
  const install = missing.length > 0 ? installCommand(packageManager, missing, workspaceRoot) : undefined;
  const inDir = path.relative(projectDir, installDir).split(path.sep).join("/");
  return {
    changes,
    notes,
    packageManager,
    install: install && inDir ? `cd ${inDir} && ${install}` : install,
    run: runScriptCommand(packageManager, SCRIPT_NAME),
  };
}

function readManifest(file: string): PackageJson {
  return existsSync(file) ? parsePackageJson(readFileSync(file, "utf8"), file) : {};
}

function workflowLayout(projectDir: string, packageManager: PackageManager, packageManagerField: string | undefined): WorkflowLayout {
  // pnpm/action-setup takes pnpm's version from the packageManager field of the package.json beside the lockfile.
  const lockfileDir = packageManager.lockfile ? path.dirname(packageManager.lockfile) : projectDir;
  const rootManifest = path.join(lockfileDir, "package.json");
  const field = lockfileDir === projectDir || !existsSync(rootManifest) ? packageManagerField : parsePackageJson(readFileSync(rootManifest, "utf8"), rootManifest).packageManager;
  return { repositoryRoot: repositoryRoot(projectDir), projectDir, pnpmVersionPinned: /^pnpm@/.test(field ?? "") };
}
