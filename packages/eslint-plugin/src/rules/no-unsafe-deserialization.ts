// Registration shim until the rule index is generated from rule folders.
export { default } from "./no-unsafe-deserialization/rule.js";
export type { MessageIds, Options } from "./no-unsafe-deserialization/rule.js";
