import { createRule } from "../util/create-rule.js";

// Placeholder: the real rule lands with its issue.
export default createRule({
  name: "require-retry",
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
