import { describe, expect, it } from "vitest";
import { isNumericPosition, mayBeNumericPosition, VALUE_HOLE } from "../../../src/rules/no-string-built-sql/numeric-splice.js";

describe("no-string-built-sql: isNumericPosition", () => {
  it.each([
    "WHERE lft > ",
    "WHERE lft >= ",
    "WHERE id = ",
    "WHERE a <> ",
    "SET pos = pos - ",
    "SET pos = pos + ",
    "SET w = w * ",
    "SET w = w / ",
    "SET w = w % ",
    "SELECT * FROM t LIMIT ",
    "SELECT * FROM t LIMIT 10 OFFSET ",
    `SELECT * FROM t LIMIT ${VALUE_HOLE}, `,
    "SELECT TOP ",
    `UPDATE t SET label = 'it''s', rank = `,
    `WHERE a = '${VALUE_HOLE}' AND b > `,
    "/* note */ WHERE a > ",
    "-- note\nWHERE a > ",
  ])("numeric after %j", (text) => {
    expect(isNumericPosition(text)).toBe(true);
    // The quick test on the text after the last earlier value must not rule it out.
    expect(mayBeNumericPosition(text.split(VALUE_HOLE).at(-1)!)).toBe(true);
  });

  it.each([
    "WHERE name = '",
    "WHERE note = 'width > ",
    `WHERE "weird > `,
    "WHERE a = 1 -- b > ",
    "WHERE a = 1 /* b > ",
    "SELECT * ",
    "SELECT DISTINCT * ",
    "SELECT count(*",
    "WHERE id IN (",
    "ORDER BY ",
    "ALTER TABLE t ALTER COLUMN ",
    "WHERE a > 1 */ ",
    "WHERE a = 1 --",
    "WHERE body = $$x > ",
    `WHERE a > ${VALUE_HOLE}`,
    `WHERE a > ${VALUE_HOLE} `,
  ])("not numeric after %j", (text) => {
    expect(isNumericPosition(text)).toBe(false);
  });
});
