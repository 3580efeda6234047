const FETCH = "fetch";

/**
 * True when `fetch` occurs as a whole word: an identifier, a property name or a string's whole content
 * (`window["fetch"]`). A global fetch call needs one; `prefetch`, `fetchState` and `fetch_types` are not.
 * Only ASCII letters, digits, `_` and `$` count as part of a longer name, so any other neighbour
 * (including a non-ASCII identifier character) keeps the file: the check errs on the side of reading it.
 */
export function mentionsFetchToken(text: string): boolean {
  for (let at = text.indexOf(FETCH); at !== -1; at = text.indexOf(FETCH, at + FETCH.length)) {
    if (!isAsciiNameCharacter(text.charCodeAt(at - 1)) && !isAsciiNameCharacter(text.charCodeAt(at + FETCH.length))) return true;
  }
  return false;
}

function isAsciiNameCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    (code >= 48 && code <= 57) || // 0-9
    code === 95 || // _
    code === 36 // $
  );
}
