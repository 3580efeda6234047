import { RuleTester } from "@typescript-eslint/rule-tester";

/** A RuleTester that parses with typescript-eslint's parser, without type information, as JSX-enabled ESM. */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}

/**
 * A RuleTester with type information (projectService over tests/fixtures). Use `filename: "file.ts"`
 * (or "react.tsx"), which the fixtures tsconfig includes, or any name ending in `-typed.ts`, which
 * the project service gives a default project. A name may not be in both, or parsing fails.
 */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*-typed.ts", "*-typed.tsx"] },
        tsconfigRootDir: new URL("./fixtures", import.meta.url).pathname,
      },
    },
  });
}
