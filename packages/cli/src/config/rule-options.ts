import { UsageError } from "../errors.js";
import { ruleOptions, type VibeguardConfig } from "./config-schema.js";

/**
 * Checks the rule options a configuration gives (`"require-auth-middleware": ["error", { publicPaths: [...] }]`)
 * against each rule's own schema, by asking ESLint to accept them, so that a typo is a usage error naming the
 * configuration file before the scan starts, not an ESLint error on the first file. ESLint and the plugin are
 * only loaded when some rule has options.
 */
export async function checkRuleOptions(config: VibeguardConfig, source: string): Promise<void> {
  const withOptions = Object.entries(config.rules ?? {}).filter(([, setting]) => ruleOptions(setting) !== undefined);
  if (withOptions.length === 0) return;
  const [{ Linter }, { default: plugin }] = await Promise.all([import("eslint"), import("eslint-plugin-vibeguard")]);
  const linter = new Linter({ configType: "flat" });
  for (const [id, setting] of withOptions) {
    try {
      linter.verify("", [{ plugins: { vibeguard: plugin as never }, rules: { [`vibeguard/${id}`]: ["error", ruleOptions(setting)] } }]);
    } catch (error) {
      // ESLint's message starts with its own key path (`Key "rules": Key "vibeguard/...":`); keep what follows, its explanation.
      const reason = (error as Error).message
        .split("\n")
        .slice(1)
        .map((line) => line.trim())
        .filter(Boolean)
        .join(" ");
      throw new UsageError(`invalid configuration in ${source}: the options of "rules.${id}" are not accepted: ${reason || (error as Error).message}`, `see the rule's options in docs/rules/${id}.md`);
    }
  }
}
