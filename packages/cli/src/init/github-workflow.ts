import { ciInstallCommand, runScriptCommand, type PackageManager } from "./package-manager.js";
import { SCRIPT_NAME } from "./package-json.js";

export const WORKFLOW_FILE = ".github/workflows/vibeguard.yml";

/**
 * A GitHub Actions workflow that scans on pushes to main and on pull requests and uploads SARIF to code scanning.
 * The scan fails the job on errors; the upload runs anyway, so the alerts show why.
 */
export function githubWorkflow(manager: PackageManager): string {
  const setup =
    manager.name === "pnpm"
      ? ["      - uses: pnpm/action-setup@v4", "      - uses: actions/setup-node@v4", "        with:", "          node-version: 20", "          cache: pnpm"]
      : manager.name === "yarn" && manager.yarnBerry
        ? ["      - run: corepack enable", "      - uses: actions/setup-node@v4", "        with:", "          node-version: 20", "          cache: yarn"]
        : ["      - uses: actions/setup-node@v4", "        with:", "          node-version: 20", ...(manager.lockfile ? [`          cache: ${manager.name}`] : [])];
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
    `      - run: ${runScriptCommand(manager, SCRIPT_NAME, "--format sarif --output vibeguard.sarif")}`,
    "      - uses: github/codeql-action/upload-sarif@v3",
    "        if: always() && hashFiles('vibeguard.sarif') != ''",
    "        with:",
    "          sarif_file: vibeguard.sarif",
    "          category: vibeguard",
    "",
  ].join("\n");
}
