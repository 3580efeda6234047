import path from "node:path";
import { ciInstallCommand, runScriptCommand, type PackageManager } from "./package-manager.js";
import { SCRIPT_NAME } from "./package-json.js";

/** Where the workflow goes and where its steps run: GitHub reads workflows only at the repository root. */
export interface WorkflowLayout {
  /** The repository root (where .github/ belongs). */
  repositoryRoot: string;
  /** The project init runs on: the scan runs here. */
  projectDir: string;
  /** True when a `packageManager` field pins pnpm's version (pnpm/action-setup reads it). */
  pnpmVersionPinned: boolean;
}

export const WORKFLOW_PATH = ".github/workflows/vibeguard.yml";

/** The workflow's path relative to the project folder (`../../.github/...` for a package in a monorepo). */
export function workflowFile(layout: WorkflowLayout): string {
  return path.relative(layout.projectDir, path.join(layout.repositoryRoot, WORKFLOW_PATH)).split(path.sep).join("/");
}

const fromRoot = (layout: WorkflowLayout, dir: string) => path.relative(layout.repositoryRoot, dir).split(path.sep).join("/");

/**
 * A GitHub Actions workflow that scans on pushes to main and on pull requests and uploads SARIF to code scanning.
 * The scan fails the job on errors; the upload runs anyway, so the alerts show why. In a monorepo package,
 * install runs where the lockfile is and the scan in the package.
 */
export function githubWorkflow(manager: PackageManager, layout: WorkflowLayout): string {
  const installDir = fromRoot(layout, manager.lockfile ? path.dirname(manager.lockfile) : layout.projectDir);
  const projectDir = fromRoot(layout, layout.projectDir);
  const lockfile = manager.lockfile ? fromRoot(layout, manager.lockfile) : undefined;
  const sarif = projectDir ? `${projectDir}/vibeguard.sarif` : "vibeguard.sarif";
  const workingDirectory = (dir: string) => (dir ? [`        working-directory: ${dir}`] : []);

  const setupNode = [
    "      - uses: actions/setup-node@v4",
    "        with:",
    "          node-version: 20",
    ...(lockfile ? [`          cache: ${manager.name}`, ...(lockfile.includes("/") ? [`          cache-dependency-path: ${lockfile}`] : [])] : []),
  ];
  const setup =
    manager.name === "pnpm"
      ? ["      - uses: pnpm/action-setup@v4", ...(layout.pnpmVersionPinned ? [] : ["        with:", "          version: 10"]), ...setupNode]
      : manager.name === "yarn" && manager.yarnBerry
        ? ["      - run: corepack enable", ...setupNode]
        : setupNode;
  return [
    "# Written by `vibeguard init`.",
    "name: vibeguard",
    "",
    "on:",
    "  push:",
    "    branches: [main]",
    "  pull_request:",
    "",
    "permissions:",
    "  contents: read",
    "  security-events: write # upload SARIF to code scanning",
    "",
    "jobs:",
    "  vibeguard:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - uses: actions/checkout@v4",
    ...setup,
    `      - run: ${ciInstallCommand(manager)}`,
    ...workingDirectory(installDir),
    `      - run: ${runScriptCommand(manager, SCRIPT_NAME, "--format sarif --output vibeguard.sarif")}`,
    ...workingDirectory(projectDir),
    "      - uses: github/codeql-action/upload-sarif@v3",
    `        if: always() && hashFiles('${sarif}') != ''`,
    "        with:",
    `          sarif_file: ${sarif}`,
    "          category: vibeguard",
    "",
  ].join("\n");
}
