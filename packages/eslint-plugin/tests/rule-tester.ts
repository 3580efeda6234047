import { RuleTester } from "@typescript-eslint/rule-tester";

/** A RuleTester that parses with typescript-eslint's parser, without type information, as JSX-enabled ESM. */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}

/** A RuleTester with type information (projectService over tests/fixtures). */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.ts*"] },
        tsconfigRootDir: new URL("./fixtures", import.meta.url).pathname,
      },
    },
  });
}
