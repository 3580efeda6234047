import { createRule } from "../util/create-rule.js";

// Placeholder: the real rule lands with its issue.
export default createRule({
  name: "no-hardcoded-secret",
  meta: {
    type: "problem",
    messages: {},
    schema: [],
  },
  defaultOptions: [],
  create() {
    return {};
  },
});
