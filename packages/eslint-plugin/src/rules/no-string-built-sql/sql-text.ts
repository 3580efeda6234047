/**
 * Heuristics over the static text of a query: does it read as SQL, and does an interpolation sit where
 * a bound parameter could replace it (a value) rather than where only an identifier or keyword fits.
 */

/** A statement that starts with an SQL verb, e.g. `SELECT … FROM`, `INSERT INTO`, `UPDATE t SET`. */
const STATEMENT_START =
  /^[\s(]*(?:select\s+(?:distinct\s+)?[\w*"`[(@$'\u0000-]|insert\s+(?:or\s+\w+\s+|ignore\s+)?into\s|update\s+\S+\s+set\s|delete\s+from\s|with\s+(?:recursive\s+)?\S+(?:\s*\([^)]*\))?\s+as\s*(?:not\s+)?(?:materialized\s+)?\(|merge\s+into\s|replace\s+into\s|upsert\s|(?:create|alter|drop)\s+(?:(?:or\s+replace|temporary|temp|unique|materialized|if\s+(?:not\s+)?exists)\s+)*(?:table|index|view|schema|database|sequence|function|trigger|type|extension|procedure|policy|role|user)\s|truncate\s+(?:table\s+)?\S|call\s+\S+\s*\(|exec(?:ute)?\s+\S|pragma\s+\w|show\s+(?:tables|columns|databases|index|create|full)\b|explain\s|vacuum\b|grant\s|revoke\s|set\s+(?:search_path|session|local|names|time\s+zone|transaction|role|statement_timeout)\b|copy\s+\S+\s+(?:from|to)\s|lock\s+tables?\s)/i;

/** Clauses that only SQL has, found anywhere in the text (fragments such as `" WHERE id = " + id`). */
const SQL_CLAUSE =
  /\bselect\s[\s\S]*?\bfrom\s|\binsert\s+into\s|\bdelete\s+from\s|\bupdate\s+\S+\s+set\s|\bwhere\s+[\w."`[\]]+\s*(?:=|<>|!=|<=|>=|<|>|\s(?:not\s+)?(?:like|ilike|in|is|between)\s)|\border\s+by\s|\bgroup\s+by\s|\b(?:inner|left|right|full|cross)\s+(?:outer\s+)?join\s|\bvalues\s*\(/i;

/** True when `text` (the static parts of a query, interpolations replaced by `\u0000`) reads as SQL. */
export function looksLikeSql(text: string): boolean {
  return STATEMENT_START.test(text) || SQL_CLAUSE.test(text);
}

/**
 * The SQL just before an interpolation ends where a value goes: a comparison (`= `), arithmetic
 * (`balance - `, but not a `--` comment or `SELECT *`), `LIKE `, `LIMIT `, `BETWEEN … AND `...
 */
const VALUE_CONTEXT_END =
  /(?:[=<>+/%]|(?<!-)-|(?<!\bselect\s{0,10}|,\s{0,10}|\.|\()\*|\b(?:like|ilike|limit|offset|between|then|else|when)|\bbetween\s+\S+\s+and)\s*$/i;
const LIMIT_CONTEXT_END = /\b(?:limit|offset)\s*$/i;
/** `VALUES (`, `VALUES (a, `, `), (` continue a row list; only those lists take values after `(`/`,`. */
const VALUES_LIST_OPENER = /\bvalues\s*$|\)\s*,\s*$/i;

/** Statements that take no bind parameters at all (DDL, session settings, maintenance). */
const UNPARAMETERISABLE_STATEMENT =
  /^[\s(]*(?:create|alter|drop|truncate|comment|set|reset|grant|revoke|pragma|vacuum|analyze|copy|lock|listen|notify|attach|detach)\b/i;

export interface ValuePositionOptions {
  /** mysql sends `?` values quoted, so `LIMIT ?` with a string breaks: callers can exclude those spots. */
  allowLimit: boolean;
  /** The interpolation was inside quotes (`'${x}'`, `'%${q}%'`): a string literal, so a value wherever it is. */
  quoted: boolean;
}

/**
 * True when an interpolation placed right after `before` and right before `after` stands for a value
 * that a bind parameter can replace. `before` is all the SQL up to it and `after` the SQL following
 * it, with any quotes around the interpolation removed.
 */
export function isValuePosition(before: string, after: string, options: ValuePositionOptions): boolean {
  if (UNPARAMETERISABLE_STATEMENT.test(before)) return false;
  if (!/^(?:\s|$|[),;]|::)/.test(after)) return false;
  // A quote with a prefix (`N'…'`, `E'…'`, `_utf8'…'`) is a special literal form, not a plain value.
  if (options.quoted) return !/\w$/.test(before);
  if (VALUE_CONTEXT_END.test(before)) return options.allowLimit || !LIMIT_CONTEXT_END.test(before);
  const trimmed = before.trimEnd();
  if (!trimmed.endsWith("(") && !trimmed.endsWith(",")) return false;
  const opener = unclosedParenthesis(trimmed);
  return opener !== -1 && VALUES_LIST_OPENER.test(trimmed.slice(0, opener));
}

/** Index of the innermost `(` left open in `text`, or -1. Quotes are not tracked: SQL text here is short. */
function unclosedParenthesis(text: string): number {
  let depth = 0;
  for (let index = text.length - 1; index >= 0; index--) {
    const char = text[index];
    if (char === ")") depth++;
    else if (char === "(") {
      if (depth === 0) return index;
      depth--;
    }
  }
  return -1;
}
