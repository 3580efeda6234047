import { ESLintUtils, type TSESLint } from "@typescript-eslint/utils";
import { docsUrl, getCatalogEntry } from "@vibeguard/core/catalog";
import { optionsKey } from "./options-key.js";

/** What vibeguard adds to ESLint's `meta.docs`, all taken from the catalog. */
export interface VibeguardRuleDocs {
  recommended: boolean;
  requiresTypeChecking: boolean;
}

type RuleMetaWithoutDocs<MessageIds extends string, Options extends readonly unknown[]> = Omit<
  ESLintUtils.NamedCreateRuleMeta<MessageIds, VibeguardRuleDocs, Options>,
  "docs"
>;

type RuleContext<MessageIds extends string, Options extends readonly unknown[]> = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

const ruleCreator = ESLintUtils.RuleCreator<VibeguardRuleDocs>(docsUrl);

/**
 * Creates a rule whose `meta.docs` (description, url, preset, type-checking) come from
 * `rules/<name>.yaml`, so the catalog stays the single source of rule metadata.
 *
 * RuleCreator builds the rule; only its `create` is replaced, so that the user's options are merged
 * with the defaults once per options object rather than once per file: ESLint hands every file of a
 * config the same option objects, and the deep merge (with its structured clone) cost more, summed
 * over a code base, than most of the rules' own listeners.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(rule: {
  name: string;
  meta: RuleMetaWithoutDocs<MessageIds, Options>;
  defaultOptions: Options;
  create: (context: RuleContext<MessageIds, Options>, optionsWithDefault: Readonly<Options>) => TSESLint.RuleListener;
}): TSESLint.RuleModule<MessageIds, Options, VibeguardRuleDocs> {
  const entry = getCatalogEntry(rule.name);
  const built = ruleCreator<Options, MessageIds>({
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
  const mergeOptions = createOptionsMerger(rule.defaultOptions);
  return { ...built, create: (context) => rule.create(context, mergeOptions(context.options)) };
}

/**
 * `applyDefault` memoised per options object, the shape every vibeguard rule takes: first by identity (a rule
 * configured as plain "error" gets `meta.defaultOptions` itself on every file), then by content, because
 * ESLint (9.15+) merges `meta.defaultOptions` into configured options itself and hands every file new objects
 * with the same content. One merged object per configuration also keeps `perOptions` caches working.
 */
export function createOptionsMerger<Options extends readonly unknown[]>(defaultOptions: Options): (options: Options) => Options {
  const merge = (options: Options): Options => ESLintUtils.applyDefault<Options, Options>(defaultOptions, options);
  const withoutOptions = merge([] as unknown as Options);
  const byIdentity = new WeakMap<object, Options>();
  const byContent = new Map<string, Options>();
  return (options) => {
    if (options.length === 0) return withoutOptions;
    const [first] = options;
    if (options.length > 1 || typeof first !== "object" || first === null) return merge(options);
    const known = byIdentity.get(first);
    if (known) return known;
    const key = optionsKey(first);
    let result = key === undefined ? undefined : byContent.get(key);
    if (!result) {
      result = merge(options);
      if (key !== undefined) byContent.set(key, result);
      byIdentity.set(first, result);
    }
    return result;
  };
}
