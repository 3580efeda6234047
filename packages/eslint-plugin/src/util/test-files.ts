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
  // The cheap substring tests rule out most paths before either regex runs. TEST_FILE_NAME has no `/` and
  // ends at `$`, so it can only match within the file name: it is tested on the whole path.
  const nameStart = normalized.lastIndexOf("/") + 1;
  if (normalized.includes(".test.", nameStart) || normalized.includes(".spec.", nameStart) || normalized.includes(".e2e.", nameStart)) {
    if (TEST_FILE_NAME.test(normalized)) return true;
  }
  return (normalized.includes("test") || normalized.includes("__mocks__") || normalized.includes("e2e")) && TEST_FOLDER.test(normalized);
}
