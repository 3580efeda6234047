import { existsSync } from "node:fs";
import path from "node:path";

export type PackageManagerName = "npm" | "pnpm" | "yarn";

export interface PackageManager {
  name: PackageManagerName;
  /** Where the lockfile that decided it is, when one did. */
  lockfile?: string;
  /** True for Yarn 2+ (`.yarnrc.yml`), whose install flag differs. */
  yarnBerry: boolean;
}

const LOCKFILES: [string, PackageManagerName][] = [
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["package-lock.json", "npm"],
  ["npm-shrinkwrap.json", "npm"],
];

/**
 * The project's package manager: the nearest lockfile from `projectDir` up to the repository root (a package in
 * a monorepo shares the root's), then package.json's `packageManager` field, then npm.
 */
export function detectPackageManager(projectDir: string, packageManagerField: string | undefined): PackageManager {
  for (let dir = path.resolve(projectDir); ; dir = path.dirname(dir)) {
    for (const [file, name] of LOCKFILES) {
      if (existsSync(path.join(dir, file))) return { name, lockfile: path.join(dir, file), yarnBerry: name === "yarn" && existsSync(path.join(dir, ".yarnrc.yml")) };
    }
    if (existsSync(path.join(dir, ".git")) || path.dirname(dir) === dir) break;
  }
  const declared = /^(npm|pnpm|yarn)@(\d+)/.exec(packageManagerField ?? "");
  if (declared) return { name: declared[1] as PackageManagerName, yarnBerry: declared[1] === "yarn" && Number(declared[2]) >= 2 };
  return { name: "npm", yarnBerry: false };
}

/** The command that adds dev dependencies. `workspaceRoot`: pnpm refuses to add to a workspace root without -w. */
export function installCommand(manager: PackageManager, packages: string[], workspaceRoot: boolean): string {
  const list = packages.join(" ");
  switch (manager.name) {
    case "pnpm":
      return `pnpm add -D${workspaceRoot ? " -w" : ""} ${list}`;
    case "yarn":
      return `yarn add -D ${list}`;
    default:
      return `npm install --save-dev ${list}`;
  }
}

/** How to run a package.json script, with extra arguments passed through to it. */
export function runScriptCommand(manager: PackageManager, script: string, args = ""): string {
  const extra = args ? ` ${args}` : "";
  if (manager.name === "npm") return `npm run ${script}${args ? ` --${extra}` : ""}`;
  return `${manager.name} ${script}${extra}`;
}

/** The CI install step that uses the lockfile as is. */
export function ciInstallCommand(manager: PackageManager): string {
  if (manager.name === "pnpm") return "pnpm install --frozen-lockfile";
  if (manager.name === "yarn") return manager.yarnBerry ? "yarn install --immutable" : "yarn install --frozen-lockfile";
  return manager.lockfile ? "npm ci" : "npm install";
}
