import path from "node:path";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { isTestFile } from "../../../util/test-files.js";
import type { Route } from "../routes.js";
import { projectRootOf } from "./project-files.js";
import { RouteIndex, type MountStatus } from "./route-index.js";
import { summarizeProgram } from "./summary.js";

/** The project seen from the file being linted: where its routers are mounted, and with what auth. */
export interface ProjectView {
  statusOf(route: Route): MountStatus;
  /** A project file's path for messages: relative to the project, with forward slashes. */
  relative(file: string): string;
}

const UNMOUNTED: MountStatus = { kind: "unmounted" };

/**
 * The view for the file being linted, or undefined when it has no project (text without a file name, no
 * package.json above it) or is a test. The buffer's summary names its routes' containers: the index's own
 * when the buffer is what the disk holds, else one made from the buffer (an editor's unsaved text); where
 * they are mounted comes from the project index.
 */
export function projectViewOf(context: Readonly<TSESLint.RuleContext<string, unknown[]>>, program: TSESTree.Program): ProjectView | undefined {
  const file = context.filename;
  if (!path.isAbsolute(file)) return undefined;
  const root = projectRootOf(file);
  if (root === undefined || isTestFile(path.relative(root, file))) return undefined;
  const sourceCode = context.sourceCode;
  const index = RouteIndex.for(root);
  index.refresh();
  const normalized = path.normalize(file);
  const summary =
    index.summaryOfText(normalized, sourceCode.text) ?? summarizeProgram(program, sourceCode.text, (position) => sourceCode.getLocFromIndex(position).line);
  return {
    statusOf(route) {
      const key = summary.routeContainers[route.call.range[0]];
      if (key === undefined || route.path === undefined) return UNMOUNTED;
      return index.statusOf(normalized, key, route.path);
    },
    relative: (other) => path.relative(root, other).split(path.sep).join("/"),
  };
}
