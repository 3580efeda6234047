/**
 * One scan of the file text per gate decides whether the rule's listeners can find anything at all:
 * most files mention neither a CORS library nor the CORS headers, and then the rule adds no listener.
 *
 * Both gates are complete: every report needs the text they look for (names written with escape
 * sequences, `"\x63ors"`, are not looked for). tests/rules/no-permissive-cors/text-gates.test.ts
 * checks them against the rule's own tables.
 */

/**
 * Every CORS configuration site the rule recognises names one of these in the text:
 * - a middleware or Fastify plugin module: every specifier ends in `cors` (`cors`, `@koa/cors`, `hono/cors`, `@fastify/cors`);
 * - socket.io: the `socket.io` specifier;
 * - Nest: the `enableCors` method, or the `cors` option of `NestFactory.create` (with or without types).
 * One regular expression: its literal alternatives are scanned together, faster than three `includes`
 * (the `@nestjs/` hint it replaces let every Nest file through, configuring CORS or not).
 */
const LIBRARY_SITE_HINT = /[cC]ors|socket\.io/;

/** The header names are matched case-insensitively in the rule, so here too. */
const HEADER_NAME_HINT = /access-control-allow-(?:origin|credentials)/i;

/** Whether the text may configure a CORS library: see LIBRARY_SITE_HINT. */
export function mayConfigureCorsLibrary(text: string): boolean {
  return LIBRARY_SITE_HINT.test(text);
}

/** Whether the text may name `Access-Control-Allow-Origin` or `-Credentials`. */
export function mayNameCorsHeader(text: string): boolean {
  return HEADER_NAME_HINT.test(text);
}
