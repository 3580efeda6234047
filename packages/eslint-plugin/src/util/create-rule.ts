import { ESLintUtils, type TSESLint } from "@typescript-eslint/utils";
import { docsUrl, getCatalogEntry } from "@vibeguard/core/catalog";

/** What vibeguard adds to ESLint's `meta.docs`, all taken from the catalog. */
export interface VibeguardRuleDocs {
  recommended: boolean;
  requiresTypeChecking: boolean;
}

const ruleCreator = ESLintUtils.RuleCreator<VibeguardRuleDocs>(docsUrl);

type RuleMetaWithoutDocs<MessageIds extends string, Options extends readonly unknown[]> = Omit<
  ESLintUtils.NamedCreateRuleMeta<MessageIds, VibeguardRuleDocs, Options>,
  "docs"
>;

/**
 * Creates a rule whose `meta.docs` (description, url, preset, type-checking) come from
 * `rules/<name>.yaml`, so the catalog stays the single source of rule metadata.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(rule: {
  name: string;
  meta: RuleMetaWithoutDocs<MessageIds, Options>;
  defaultOptions: Options;
  create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, optionsWithDefault: Readonly<Options>) => TSESLint.RuleListener;
}) {
  const entry = getCatalogEntry(rule.name);
  return ruleCreator<Options, MessageIds>({
    name: rule.name,
    meta: {
      ...rule.meta,
      docs: {
        description: entry.description,
        recommended: entry.preset === "recommended",
        requiresTypeChecking: entry.requiresTypeChecking,
      },
    },
    defaultOptions: rule.defaultOptions,
    create: rule.create,
  });
}
