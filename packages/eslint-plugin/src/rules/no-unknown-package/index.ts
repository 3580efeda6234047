import { createRule } from "../../util/create-rule.js";
import { reportDependencyFindings } from "../../util/dependency-findings.js";

/** The dependency checker's `no-unknown-package` findings, in the editor, from the cached surfaces (never the network). */
export default createRule<[], "finding">({
  name: "no-unknown-package",
  meta: {
    type: "problem",
    messages: { finding: "{{detail}}." },
    schema: [],
  },
  defaultOptions: [],
  create: (context) => reportDependencyFindings(context, "no-unknown-package"),
});
