import type { FormatName } from "../config/config-schema.js";
import { githubReporter } from "./github.js";
import { htmlReporter } from "./html/html-report.js";
import { jsonReporter } from "./json.js";
import { markdownReporter } from "./markdown.js";
import type { Reporter } from "./reporter.js";
import { sarifReporter } from "./sarif.js";
import { textReporter } from "./text.js";

export const REPORTERS: Record<FormatName, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  github: githubReporter,
  markdown: markdownReporter,
  html: htmlReporter,
};
