import { checkDependencies, type DepsDiagnostic, type DepsFinding } from "@vibeguard/deps";
import { SEVERITY_RANK, type Diagnostic, type RawFinding, type Severity } from "@vibeguard/core";
import type { Engine, EngineContext, EngineResult } from "./engine.js";

export interface DepsEngineSettings {
  /** Only the cache and node_modules; no registry requests. */
  offline?: boolean;
  /** Registry URL overriding .npmrc. */
  registry?: string;
  cacheDir?: string;
  /** Days under which a dependency's first publication is "very recent" (a slopsquatting warning). */
  recentDays?: number;
  /** Report files that do not parse (the eslint engine already does when it runs). */
  reportParseErrors?: boolean;
}

/** Settings from the environment: the fallback when no --offline/--registry/--cache-dir flag is given. */
export function depsSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): DepsEngineSettings {
  return {
    offline: env.VIBEGUARD_OFFLINE === "1" || env.VIBEGUARD_OFFLINE === "true",
    ...(env.VIBEGUARD_REGISTRY ? { registry: env.VIBEGUARD_REGISTRY } : {}),
    ...(env.VIBEGUARD_CACHE_DIR ? { cacheDir: env.VIBEGUARD_CACHE_DIR } : {}),
  };
}

const DIAGNOSTIC_KIND: Partial<Record<DepsDiagnostic["code"], Diagnostic["kind"]>> = {
  "parse-error": "parse-error",
  "lockfile-broken": "config",
  "lockfile-missing": "config",
  "manifest-broken": "config",
};

function toDiagnostic(diagnostic: DepsDiagnostic): Diagnostic {
  return {
    engine: "deps",
    kind: DIAGNOSTIC_KIND[diagnostic.code] ?? "engine-error",
    message: `${diagnostic.message} [${diagnostic.code}]`,
    ...(diagnostic.path ? { path: diagnostic.path } : {}),
    ...(diagnostic.line ? { line: diagnostic.line } : {}),
  };
}

/** The kind's own level (deprecations are warnings), never above what the user configured for the rule. */
function severityOf(finding: DepsFinding, configured: Severity): Severity {
  return SEVERITY_RANK[finding.severity] < SEVERITY_RANK[configured] ? finding.severity : configured;
}

/** The dependency checker as an engine: pinned-version API mismatches and unknown packages. */
export function createDepsEngine(settings?: DepsEngineSettings): Engine {
  return {
    name: "deps",
    async run(context: EngineContext): Promise<EngineResult> {
      const options = settings ?? depsSettingsFromEnvironment();
      if (context.files.length === 0 || context.rules.size === 0) return { findings: [], diagnostics: [] };
      const result = await checkDependencies({
        root: context.root,
        files: context.files,
        offline: options.offline,
        registry: options.registry,
        cacheDir: options.cacheDir,
        ...(options.recentDays !== undefined ? { recentDays: options.recentDays } : {}),
        debug: context.debug,
      });
      context.progress(context.files.length, context.files.length);
      context.debug(`deps: ${result.stats.packages} package versions, ${result.stats.requests} registry requests, cache ${result.stats.cacheDir}`);
      const findings: RawFinding[] = [];
      for (const finding of result.findings) {
        const rule = context.rules.get(finding.ruleId);
        if (!rule) continue;
        findings.push({
          ruleId: finding.ruleId,
          message: finding.message,
          severity: severityOf(finding, rule.severity),
          location: { path: finding.file, startLine: finding.line, startColumn: finding.column },
          data: finding.data,
        });
      }
      const diagnostics = result.diagnostics.filter((d) => options.reportParseErrors || d.code !== "parse-error").map(toDiagnostic);
      return { findings, diagnostics };
    },
  };
}

export const depsEngine = createDepsEngine();
