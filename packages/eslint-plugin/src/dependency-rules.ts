import noUnknownPackage from "./rules/no-unknown-package/index.js";
import noVersionMismatchedApi from "./rules/no-version-mismatched-api/index.js";

/** Rules that report the dependency checker's findings (catalog engine "deps"); opt-in, not in the presets. */
export const dependencyRules = {
  "no-unknown-package": noUnknownPackage,
  "no-version-mismatched-api": noVersionMismatchedApi,
};
