import type { EngineName, Severity } from "@vibeguard/core";
import { ENGINES, SEVERITIES, catalog } from "@vibeguard/core";
import { UsageError } from "../errors.js";
import { closestName } from "./closest-name.js";
import { validateAttributionConfig, type AttributionConfig } from "../attribution/attribution-config.js";

export type FailOn = Severity | "never";
export const FAIL_ON_VALUES: readonly FailOn[] = ["error", "warning", "note", "never"];
export const FORMATS = ["text", "json", "sarif", "github", "markdown", "html"] as const;
export type FormatName = (typeof FORMATS)[number];

/** A check's level, optionally with the ESLint rule's options, as in `eslint.config.js`: `["error", { publicPaths: ["/chat"] }]`. */
export type RuleSetting = Severity | "off" | [Severity | "off", Record<string, unknown>];

export const ruleLevel = (setting: RuleSetting): Severity | "off" => (Array.isArray(setting) ? setting[0] : setting);
export const ruleOptions = (setting: RuleSetting | undefined): Record<string, unknown> | undefined => (Array.isArray(setting) ? setting[1] : undefined);

/** The user's configuration: `vibeguard.config.{ts,js,json}` or `package.json#vibeguard`. */
export interface VibeguardConfig {
  /** Extra gitignore-style patterns to leave out of every engine. */
  ignore?: string[];
  /** Per-check severity override, or "off"; ESLint-engine checks also take their rule options. */
  rules?: Record<string, RuleSetting>;
  failOn?: FailOn;
  format?: FormatName;
  /** Turn engines off (all are on by default). */
  engines?: Partial<Record<EngineName, boolean>>;
  /** Extra agent signatures and Agent Trace folders for the report's attribution. */
  attribution?: AttributionConfig;
}

const TOP_LEVEL_KEYS = ["ignore", "rules", "failOn", "format", "engines", "attribution"] as const;

/** Validates a parsed configuration; errors name the source file, the key and the fix. */
export function validateConfig(raw: unknown, source: string): VibeguardConfig {
  const fail = (problem: string, hint?: string): never => {
    throw new UsageError(`invalid configuration in ${source}: ${problem}`, hint);
  };
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) fail("it must be an object");
  const config = raw as Record<string, unknown>;

  for (const key of Object.keys(config)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
      const guess = closestName(key, TOP_LEVEL_KEYS);
      fail(`unknown key "${key}"`, guess ? `did you mean "${guess}"?` : `known keys: ${TOP_LEVEL_KEYS.join(", ")}`);
    }
  }

  if (config.ignore !== undefined && !(Array.isArray(config.ignore) && config.ignore.every((p) => typeof p === "string"))) {
    fail(`"ignore" must be a list of gitignore-style patterns`, 'e.g. "ignore": ["scripts/legacy/**"]');
  }
  if (config.failOn !== undefined && !FAIL_ON_VALUES.includes(config.failOn as FailOn)) {
    fail(`"failOn" is ${JSON.stringify(config.failOn)}`, `use one of ${FAIL_ON_VALUES.join(", ")}`);
  }
  if (config.format !== undefined && !(FORMATS as readonly string[]).includes(config.format as string)) {
    fail(`"format" is ${JSON.stringify(config.format)}`, `use one of ${FORMATS.join(", ")}`);
  }
  if (config.rules !== undefined) {
    if (typeof config.rules !== "object" || config.rules === null || Array.isArray(config.rules)) {
      fail(`"rules" must map rule ids to "error" | "warning" | "note" | "off" (or [level, { ...rule options }])`);
    }
    const ids = catalog.map((entry) => entry.id);
    for (const [id, setting] of Object.entries(config.rules as Record<string, unknown>)) {
      const bareId = id.replace(/^vibeguard\//, "");
      const entry = catalog.find((candidate) => candidate.id === bareId);
      if (!entry) {
        const guess = closestName(bareId, ids);
        fail(`"rules" names unknown rule "${id}"`, guess ? `did you mean "${guess}"?` : `known rules: ${ids.join(", ")}`);
      }
      const [level, options] = Array.isArray(setting) ? setting : [setting, undefined];
      if (level !== "off" && !SEVERITIES.includes(level as Severity)) {
        fail(`"rules.${id}" is ${JSON.stringify(setting)}`, 'use "error", "warning", "note" or "off", or ["error", { ...rule options }]');
      }
      if (Array.isArray(setting) && (setting.length !== 2 || options === null || typeof options !== "object" || Array.isArray(options))) {
        fail(`"rules.${id}" is ${JSON.stringify(setting)}`, 'a rule with options is written [level, { ...options }], e.g. ["error", { "publicPaths": ["/health"] }]');
      }
      if (options !== undefined && entry?.engine !== "eslint") {
        fail(`"rules.${id}" has options, but ${id} is checked by the ${entry?.engine} engine, which takes its settings from command-line flags`, `write "rules": { "${id}": ${JSON.stringify(level)} }`);
      }
    }
  }
  if (config.engines !== undefined) {
    if (typeof config.engines !== "object" || config.engines === null || Array.isArray(config.engines)) {
      fail(`"engines" must be an object like { "deps": false }`);
    }
    for (const [name, enabled] of Object.entries(config.engines as Record<string, unknown>)) {
      if (!ENGINES.includes(name as EngineName)) {
        const guess = closestName(name, ENGINES);
        fail(`"engines" names unknown engine "${name}"`, guess ? `did you mean "${guess}"?` : `engines: ${ENGINES.join(", ")}`);
      }
      if (typeof enabled !== "boolean") fail(`"engines.${name}" must be true or false`);
    }
  }
  if (config.attribution !== undefined) validateAttributionConfig(config.attribution, fail);
  const result = { ...config } as VibeguardConfig;
  if (result.rules) {
    result.rules = Object.fromEntries(Object.entries(result.rules).map(([id, setting]) => [id.replace(/^vibeguard\//, ""), setting]));
  }
  return result;
}
