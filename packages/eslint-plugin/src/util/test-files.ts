const TEST_FILE_NAME = /\.(?:test|spec|e2e)\.[cm]?[jt]sx?$/;
const TEST_FOLDER = /(?:^|\/)(?:__tests__|__mocks__|tests?|e2e)\//;

/** True for files that are tests by name or folder (`*.test.ts`, `*.spec.js`, `__tests__/`, `test/`, `tests/`). */
export function isTestFile(filename: string): boolean {
  const normalized = filename.includes("\\") ? filename.replace(/\\/g, "/") : filename;
  // Several rules ask this of every file: the cheap substring tests rule out most paths before either regex runs.
  const name = normalized.slice(normalized.lastIndexOf("/") + 1);
  if (name.includes(".test.") || name.includes(".spec.") || name.includes(".e2e.")) {
    if (TEST_FILE_NAME.test(name)) return true;
  }
  return (normalized.includes("test") || normalized.includes("__mocks__") || normalized.includes("e2e")) && TEST_FOLDER.test(normalized);
}
