import { createRule } from "../../util/create-rule.js";
import { reportDependencyFindings } from "../../util/dependency-findings.js";

/** The dependency checker's `no-version-mismatched-api` findings, in the editor, from the cached surfaces (never the network). */
export default createRule<[], "finding">({
  name: "no-version-mismatched-api",
  meta: {
    type: "problem",
    messages: { finding: "{{detail}}." },
    schema: [],
  },
  defaultOptions: [],
  create: (context) => reportDependencyFindings(context, "no-version-mismatched-api"),
});
