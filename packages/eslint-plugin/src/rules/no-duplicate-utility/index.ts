import path from "node:path";
import { createRule } from "../../util/create-rule.js";
import { loadAnalyzer } from "./load-analyzer.js";

/**
 * The analyzer's duplicated-utility check in the editor: the buffer being linted is compared against an
 * index of the rest of the repository (ESLint's cwd), built on first use and kept current file by file.
 */
export default createRule<[], "duplicate">({
  name: "no-duplicate-utility",
  meta: {
    type: "suggestion",
    messages: { duplicate: "{{message}}." },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const root = context.cwd;
    const relative = path.relative(root, context.filename);
    // Text linted without a file name, or a file outside the project, has no repository to compare with.
    if (!path.isAbsolute(context.filename) || relative.startsWith("..") || path.isAbsolute(relative)) return {};
    const file = relative.split(path.sep).join("/");
    return {
      "Program:exit"() {
        const { RepoIndex } = loadAnalyzer();
        const lines = context.sourceCode.lines;
        for (const duplicate of RepoIndex.for(root).duplicatesIn(file, context.sourceCode.text)) {
          const { startLine, startColumn } = duplicate.copy.unit;
          // The declaration's first line: underlining the whole function would drown the editor.
          context.report({
            loc: { start: { line: startLine, column: startColumn - 1 }, end: { line: startLine, column: lines[startLine - 1]?.length ?? startColumn } },
            messageId: "duplicate",
            data: { message: duplicate.message },
          });
        }
      },
    };
  },
});
