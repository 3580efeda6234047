/** True for files that are tests by name or folder (`*.test.ts`, `*.spec.js`, `__tests__/`, `test/`, `tests/`). */
export function isTestFile(filename: string): boolean {
  const normalized = filename.replace(/\\/g, "/");
  return (
    /\.(test|spec|e2e)\.[cm]?[jt]sx?$/.test(normalized) ||
    /(^|\/)(__tests__|__mocks__|tests?|e2e)\//.test(normalized)
  );
}
