const TEST_FILE_NAME = /\.(?:test|spec|e2e)\.[cm]?[jt]sx?$/;
const TEST_FOLDER = /(?:^|\/)(?:__tests__|__mocks__|tests?|e2e)\//;

// Several rules ask this of the same file one after the other (ESLint creates every rule for a file before
// walking it): the last answer is kept, so the rules after the first pay one string comparison.
let lastFilename: string | undefined;
let lastAnswer = false;

/** True for files that are tests by name or folder (`*.test.ts`, `*.spec.js`, `__tests__/`, `test/`, `tests/`). */
export function isTestFile(filename: string): boolean {
  if (filename !== lastFilename) {
    lastAnswer = classify(filename);
    lastFilename = filename;
  }
  return lastAnswer;
}

function classify(filename: string): boolean {
  const normalized = filename.includes("\\") ? filename.replace(/\\/g, "/") : filename;
  // The cheap substring tests rule out most paths before either regex runs.
  const name = normalized.slice(normalized.lastIndexOf("/") + 1);
  if (name.includes(".test.") || name.includes(".spec.") || name.includes(".e2e.")) {
    if (TEST_FILE_NAME.test(name)) return true;
  }
  return (normalized.includes("test") || normalized.includes("__mocks__") || normalized.includes("e2e")) && TEST_FOLDER.test(normalized);
}
