import path from "node:path";
import ignore from "ignore";
import { perOptions } from "../../util/per-options.js";
import { parseRegexOption } from "../../util/regex-option.js";
import { isTestFile } from "../../util/test-files.js";
import { DEFAULT_MIN_ENTROPY } from "./secret-values.js";

export interface AdditionalPattern {
  /** Shown in the message as the kind of secret: "Acme API key". */
  name: string;
  /** A regular expression source, e.g. "acme_[a-z0-9]{32}". */
  pattern: string;
  /** Regular expression flags, e.g. "i". */
  flags?: string;
}

export interface NoHardcodedSecretOptions {
  additionalPatterns?: AdditionalPattern[];
  ignoredPaths?: string[];
  ignoreTests?: boolean;
  minEntropy?: number;
  ignoredNames?: string[];
  allowedValues?: string[];
}

export interface CompiledPattern {
  name: string;
  regex: RegExp;
}

/** Options turned into matchers once per configuration, not once per file. */
export interface CompiledOptions {
  additionalPatterns: readonly CompiledPattern[];
  minEntropy: number;
  /** False when neither `ignoreTests` nor `ignoredPaths` is set, so `create()` need not read the file name. */
  hasFileFilters: boolean;
  isIgnoredFile: (filename: string, cwd: string) => boolean;
  isIgnoredName: (name: string) => boolean;
  isAllowedValue: (value: string) => boolean;
  /** False when `allowedValues` is empty, so the common case skips the lookup. */
  hasAllowedValues: boolean;
}

/** Compiles the options (regular expressions, globs) once per configuration. */
export const compileOptions = perOptions(compile);

function compile(options: NoHardcodedSecretOptions): CompiledOptions {
  const ignoreTests = options.ignoreTests ?? false;
  const pathMatchers = (options.ignoredPaths ?? []).map(pathMatcher);
  const nameMatchers = (options.ignoredNames ?? []).map((entry) => stringMatcher(entry, true));
  const valueMatchers = (options.allowedValues ?? []).map((entry) => stringMatcher(entry, false));
  return {
    additionalPatterns: (options.additionalPatterns ?? []).map(({ name, pattern, flags = "" }) => ({
      name,
      regex: new RegExp(pattern, flags.replace(/[gy]/g, "")),
    })),
    minEntropy: options.minEntropy ?? DEFAULT_MIN_ENTROPY,
    hasFileFilters: ignoreTests || pathMatchers.length > 0,
    isIgnoredFile(filename, cwd) {
      if (ignoreTests && isTestFile(filename)) return true;
      if (pathMatchers.length === 0) return false;
      const absolute = filename.replace(/\\/g, "/");
      const relative = path.relative(cwd, filename).replace(/\\/g, "/");
      return pathMatchers.some((matches) => matches(relative, absolute));
    },
    isIgnoredName: (name) => nameMatchers.some((matches) => matches(name)),
    isAllowedValue: (value) => valueMatchers.some((matches) => matches(value)),
    hasAllowedValues: valueMatchers.length > 0,
  };
}

/** "/regex/flags" tests as a regular expression; anything else must be equal (ignoring case for names). */
function stringMatcher(entry: string, ignoreCase: boolean): (value: string) => boolean {
  const compiled = parseRegexOption(entry);
  if (compiled) return (value) => compiled.test(value);
  if (ignoreCase) {
    const lower = entry.toLowerCase();
    return (value) => value.toLowerCase() === lower;
  }
  return (value) => value === entry;
}

/**
 * "/regex/flags" tests the absolute path; anything else is a .gitignore-style pattern (a leading "/"
 * anchors it at the working directory, `**` crosses folders), matched with the `ignore` package.
 */
function pathMatcher(entry: string): (relative: string, absolute: string) => boolean {
  const compiled = parseRegexOption(entry);
  if (compiled) return (_relative, absolute) => compiled.test(absolute);
  const rules = ignore().add(entry);
  // `ignore` only takes paths inside the working directory.
  return (relative) => relative !== "" && !relative.startsWith("../") && !path.isAbsolute(relative) && rules.ignores(relative);
}
