/** Test code repeats setup on purpose; a copy there is not a utility someone forgot to import. */
const TEST_PATH = /(^|\/)(__tests__|__mocks__|__fixtures__|tests?|spec|specs|e2e|cypress|playwright)\/|\.(test|spec|e2e|stories|bench)\.[cm]?[jt]sx?$/i;
/** Code the project did not write: copies in it are not the project's to merge. */
const VENDORED_PATH = /(^|\/)(vendor|vendors|third[_-]party|__generated__|generated)\/|\.(generated|gen)\.[cm]?[jt]sx?$|\.min\.[cm]?js$/i;

export interface FileSelection {
  /** Analyse test files too (skipped by default). */
  includeTests?: boolean;
  /** Analyse vendored and generated code too (skipped by default). */
  includeVendored?: boolean;
}

/** Why the analyzer leaves a file out (beyond what discovery already skips), or undefined to analyse it. */
export function analyzerSkipReason(file: string, selection: FileSelection = {}): "test" | "vendored" | undefined {
  if (!selection.includeTests && TEST_PATH.test(file)) return "test";
  if (!selection.includeVendored && VENDORED_PATH.test(file)) return "vendored";
  if (/\.d\.[cm]?ts$/.test(file)) return "vendored";
  return undefined;
}
